package dev.grove.classical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.Clusterer;
import dev.grove.api.model.Estimator;
import dev.grove.api.model.Model;
import dev.grove.api.model.Regressor;
import dev.grove.api.model.Transformer;
import dev.grove.api.run.RunContext;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.GroveApi;
import dev.grove.api.spi.Kind;
import dev.grove.api.spi.Plugin;
import dev.grove.classical.testing.CsvData;
import dev.grove.classical.testing.RegressionCsv;
import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every component the plugin registers: well declared, fits from its params' defaults, and its
 * restorer rebuilds a model that predicts exactly like the fitted one.
 */
class ClassicalPluginTest {

    private static final Dataset IRIS = CsvData.read("iris");
    private static final Dataset DIABETES = RegressionCsv.read("diabetes");

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
    void registersEachComponentOncePerKindWithDocsAndRestorers() {
        Set<String> seen = new HashSet<>();
        List<Component<?>> components = registered();
        assertThat(components).extracting(Component::name).contains("logistic-regression", "gaussian-nb");
        for (Component<?> c : components) {
            assertThat(seen.add(c.kind() + "/" + c.name())).as("%s registered twice", c.name()).isTrue();
            assertThat(c.doc()).as(c.name()).isNotBlank();
            assertThat(c.kind()).isIn(Kind.ESTIMATOR, Kind.TRANSFORMER);
            assertThat(c.restorer()).as(c.name()).isNotNull();
            assertThat(c.paramsType().getModule()).isEqualTo(ClassicalPlugin.class.getModule());
        }
    }

    @Test
    void eachComponentFitsFromDefaultParamsAndItsRestorerRebuildsTheModel() throws ReflectiveOperationException {
        for (Component<?> component : registered()) {
            Record params = (Record) component.paramsType().getMethod("defaults").invoke(null);
            Estimator<?> estimator = (Estimator<?>) create(component, params);
            Dataset data = IRIS;
            Model model;
            try {
                model = estimator.fit(IRIS, RunContext.withSeed(0));
            } catch (IllegalArgumentException classTargetsRefused) {
                model = null;
            }
            // Regressors get regression data; a regressor may also refuse class targets outright.
            if (model == null || model instanceof Regressor) {
                data = DIABETES;
                model = estimator.fit(DIABETES, RunContext.withSeed(0));
            }
            Model restored = restore(component, params, model);
            assertThat(describe(restored, data)).as(component.name()).isEqualTo(describe(model, data));
        }
    }

    /** What a model says about {@code data}, by capability, as comparable text. */
    private static String describe(Model model, Dataset data) {
        StringBuilder sb = new StringBuilder();
        if (model instanceof Classifier c) {
            sb.append(java.util.Arrays.toString(c.predict(data)));
            sb.append(java.util.Arrays.deepToString(c.predictProba(data)));
        }
        if (model instanceof Regressor r) {
            sb.append(java.util.Arrays.toString(r.predict(data)));
        }
        if (model instanceof Clusterer c) {
            sb.append(java.util.Arrays.toString(c.predict(data)));
        }
        if (model instanceof Transformer t) {
            sb.append(java.util.Arrays.toString(t.transform(data).featureMatrix()));
        }
        assertThat(sb).as("%s has a capability", model.getClass()).isNotEmpty();
        return sb.toString();
    }

    @Test
    void moduleProvidesThePluginAndExportsNoInternals() {
        ModuleDescriptor descriptor = ClassicalPlugin.class.getModule().getDescriptor();
        assertThat(descriptor).as("tests run on the module path").isNotNull();
        assertThat(descriptor.provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo(Plugin.class.getName());
            assertThat(p.providers()).containsExactly(ClassicalPlugin.class.getName());
        });
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source)
                .contains("dev.grove.classical", "dev.grove.classical.linear")
                .noneMatch(p -> p.contains("internal"));
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
