package dev.grove.classical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.Estimator;
import dev.grove.api.model.InvertibleTransformer;
import dev.grove.api.model.Model;
import dev.grove.api.model.Regressor;
import dev.grove.api.run.RunContext;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.classical.decomposition.PcaParams;
import dev.grove.classical.linear.ElasticNetParams;
import dev.grove.classical.linear.LassoParams;
import dev.grove.classical.linear.LinearRegressionParams;
import dev.grove.classical.linear.PerceptronParams;
import dev.grove.classical.linear.RidgeParams;
import dev.grove.classical.testing.CsvData;
import dev.grove.classical.testing.RegressionCsv;
import java.lang.module.ModuleDescriptor;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The plugin registers pca, the least-squares family and the perceptron under their issue names, and
 * each restorer rebuilds a model that answers exactly as the fitted one.
 */
class PcaAndLinearModelsRegistrationTest {

    private static final Dataset IRIS = CsvData.read("iris");
    private static final Dataset DIABETES = RegressionCsv.read("diabetes");

    private static final Map<String, Record> DEFAULTS = Map.of(
            "pca", PcaParams.defaults(),
            "linear-regression", LinearRegressionParams.defaults(),
            "ridge", RidgeParams.defaults(),
            "lasso", LassoParams.defaults(),
            "elastic-net", ElasticNetParams.defaults(),
            "perceptron", PerceptronParams.defaults());

    /** The components by name; pca is the transformer (its estimator twin is checked separately). */
    private static Map<String, Component<?>> byName() {
        return ClassicalPluginTest.registered().stream()
                .filter(c -> !(c.name().equals("pca") && c.kind() == Kind.ESTIMATOR))
                .collect(Collectors.toMap(Component::name, c -> c));
    }

    @Test
    void registersEachComponentWithItsKindAndParamsRecord() {
        Map<String, Component<?>> components = byName();
        assertThat(components).containsKeys(DEFAULTS.keySet().toArray(String[]::new));
        assertThat(components.get("pca").kind()).isEqualTo(Kind.TRANSFORMER);
        DEFAULTS.forEach((name, params) -> {
            Component<?> component = components.get(name);
            assertThat(component.paramsType()).as(name).isEqualTo(params.getClass());
            assertThat(component.doc()).as(name).isNotBlank();
            assertThat(component.restorer()).as(name).isNotNull();
            if (!name.equals("pca")) {
                assertThat(component.kind()).as(name).isEqualTo(Kind.ESTIMATOR);
            }
        });
    }

    @Test
    void pcaIsAlsoAnEstimatorSoAPipelineMayEndWithIt() {
        var pcas = ClassicalPluginTest.registered().stream().filter(c -> c.name().equals("pca")).toList();
        assertThat(pcas).extracting(Component::kind).containsExactlyInAnyOrder(Kind.TRANSFORMER, Kind.ESTIMATOR);
        assertThat(pcas).allSatisfy(c -> assertThat(c.paramsType()).isEqualTo(PcaParams.class));
        Component<?> estimator = pcas.stream().filter(c -> c.kind() == Kind.ESTIMATOR).findFirst().orElseThrow();
        Model model = ((Estimator<?>) Registered.create(estimator, PcaParams.defaults())).fit(IRIS, RunContext.withSeed(0));
        assertThat(model.state().arrays()).containsKeys("explained-variance", "explained-variance-ratio");
        assertThat(Registered.restore(estimator, PcaParams.defaults(), model)).isInstanceOf(InvertibleTransformer.class);
    }

    @Test
    void eachComponentFitsFromDefaultsAndItsRestorerRebuildsTheModel() {
        Map<String, Component<?>> components = byName();
        RunContext context = RunContext.withSeed(0);
        DEFAULTS.forEach((name, params) -> {
            Component<?> component = components.get(name);
            Dataset data = name.equals("pca") || name.equals("perceptron") ? IRIS : DIABETES;
            Model model = ((Estimator<?>) Registered.create(component, params)).fit(data, context);
            Model restored = Registered.restore(component, params, model);
            if (model instanceof Regressor regressor) {
                assertThat(((Regressor) restored).predict(data)).as(name).containsExactly(regressor.predict(data));
            } else if (model instanceof Classifier classifier) {
                assertThat(((Classifier) restored).predict(data)).as(name).containsExactly(classifier.predict(data));
            } else {
                InvertibleTransformer transformer = (InvertibleTransformer) model;
                assertThat(((InvertibleTransformer) restored).transform(data).featureMatrix()).as(name)
                        .containsExactly(transformer.transform(data).featureMatrix());
            }
        });
    }

    @Test
    void exportsTheDecompositionPackage() {
        ModuleDescriptor descriptor = ClassicalPlugin.class.getModule().getDescriptor();
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source)
                .contains("dev.grove.classical.decomposition", "dev.grove.classical.linear");
    }
}
