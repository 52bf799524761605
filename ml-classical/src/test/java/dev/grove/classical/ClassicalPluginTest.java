package dev.grove.classical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.Estimator;
import dev.grove.api.model.Model;
import dev.grove.api.run.RunContext;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.GroveApi;
import dev.grove.api.spi.Kind;
import dev.grove.api.spi.Plugin;
import dev.grove.classical.bayes.GaussianNaiveBayes;
import dev.grove.classical.bayes.GaussianNaiveBayesParams;
import dev.grove.classical.linear.LogisticRegression;
import dev.grove.classical.linear.LogisticRegressionParams;
import dev.grove.classical.testing.CsvData;
import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClassicalPluginTest {

    private static final Dataset IRIS = CsvData.read("iris");

    static List<Component<?>> registered() {
        List<Component<?>> components = new ArrayList<>();
        new ClassicalPlugin().register(components::add);
        return components;
    }

    @Test
    void identifiesItselfAgainstTheCurrentApi() {
        Plugin plugin = new ClassicalPlugin();
        assertThat(plugin.id()).isEqualTo("grove-classical");
        assertThat(GroveApi.isCompatible(plugin.apiVersion())).isTrue();
    }

    @Test
    void registersBothEstimatorsWithTheirParamsRecords() {
        Map<String, Component<?>> byName = registered().stream().collect(Collectors.toMap(Component::name, c -> c));
        assertThat(byName).containsOnlyKeys("logistic-regression", "gaussian-nb");
        assertThat(byName.values()).allSatisfy(c -> {
            assertThat(c.kind()).isEqualTo(Kind.ESTIMATOR);
            assertThat(c.doc()).isNotBlank();
            assertThat(c.restorer()).isNotNull();
        });
        assertThat(byName.get("logistic-regression").paramsType()).isEqualTo(LogisticRegressionParams.class);
        assertThat(byName.get("gaussian-nb").paramsType()).isEqualTo(GaussianNaiveBayesParams.class);
    }

    @Test
    void eachComponentFitsFromDefaultParamsAndItsRestorerRebuildsTheModel() {
        Map<String, Record> defaults = Map.of("logistic-regression", LogisticRegressionParams.defaults(),
                "gaussian-nb", GaussianNaiveBayesParams.defaults());
        Map<String, Class<?>> estimatorTypes = Map.of("logistic-regression", LogisticRegression.class,
                "gaussian-nb", GaussianNaiveBayes.class);
        for (Component<?> component : registered()) {
            Record params = defaults.get(component.name());
            Object created = create(component, params);
            assertThat(created).isInstanceOf(estimatorTypes.get(component.name()));
            Model model = ((Estimator<?>) created).fit(IRIS, RunContext.withSeed(0));
            Model restored = restore(component, params, model);
            assertThat(((Classifier) restored).predictProba(IRIS)).isDeepEqualTo(((Classifier) model).predictProba(IRIS));
        }
    }

    @Test
    void moduleProvidesThePluginAndExportsNoInternals() {
        ModuleDescriptor descriptor = ClassicalPlugin.class.getModule().getDescriptor();
        assertThat(descriptor).as("tests run on the module path").isNotNull();
        assertThat(descriptor.provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo(Plugin.class.getName());
            assertThat(p.providers()).containsExactly(ClassicalPlugin.class.getName());
        });
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source).containsExactlyInAnyOrder(
                "dev.grove.classical", "dev.grove.classical.bayes", "dev.grove.classical.linear", "dev.grove.classical.optim");
        assertThat(descriptor.packages()).contains("dev.grove.classical.internal");
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Object create(Component<P> component, Record params) {
        return component.create((P) params);
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Model restore(Component<P> component, Record params, Model model) {
        return component.restorer().restore((P) params, model.schema(), model.state());
    }
}
