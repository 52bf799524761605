package dev.grove.classical.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Clusterer;
import dev.grove.api.model.Estimator;
import dev.grove.api.model.IncrementalEstimator;
import dev.grove.api.model.Model;
import dev.grove.api.params.Params;
import dev.grove.api.run.RunContext;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.classical.ClassicalPlugin;
import dev.grove.classical.testing.CsvData;
import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The plugin registers kmeans, mini-batch-kmeans and gmm under their issue names, and each restorer
 * rebuilds a model that answers exactly as the fitted one.
 */
class ClusteringRegistrationTest {

    private static final Dataset IRIS = CsvData.read("iris");

    private static final Map<String, Record> DEFAULTS = Map.of(
            "kmeans", KMeansParams.defaults(),
            "mini-batch-kmeans", MiniBatchKMeansParams.defaults(),
            "gmm", GaussianMixtureParams.defaults());

    private static Map<String, Component<?>> byName() {
        List<Component<?>> components = new ArrayList<>();
        new ClassicalPlugin().register(components::add);
        return components.stream().filter(c -> DEFAULTS.containsKey(c.name()))
                .collect(Collectors.toMap(Component::name, c -> c));
    }

    @Test
    void registersEachEstimatorWithItsParamsRecord() {
        Map<String, Component<?>> components = byName();
        assertThat(components).containsOnlyKeys(DEFAULTS.keySet());
        DEFAULTS.forEach((name, params) -> {
            Component<?> component = components.get(name);
            assertThat(component.kind()).as(name).isEqualTo(Kind.ESTIMATOR);
            assertThat(component.paramsType()).as(name).isEqualTo(params.getClass());
            assertThat(component.doc()).as(name).isNotBlank();
            assertThat(component.restorer()).as(name).isNotNull();
            assertThat(Params.validate(params)).isSameAs(params);
        });
        assertThat(create(components.get("mini-batch-kmeans"), DEFAULTS.get("mini-batch-kmeans")))
                .isInstanceOf(IncrementalEstimator.class);
    }

    @Test
    void eachFitsFromItsParamsAndItsRestorerRebuildsTheModel() {
        Map<String, Record> params = Map.of(
                "kmeans", KMeansParams.defaults().withK(3),
                "mini-batch-kmeans", MiniBatchKMeansParams.defaults().withK(3),
                "gmm", GaussianMixtureParams.defaults().withComponents(3));
        Map<String, Component<?>> components = byName();
        params.forEach((name, p) -> {
            Component<?> component = components.get(name);
            Model model = ((Estimator<?>) create(component, p)).fit(IRIS, RunContext.withSeed(0));
            Model restored = restore(component, p, model);
            assertThat(restored).as(name).isInstanceOf(Clusterer.class);
            assertThat(((Clusterer) restored).predict(IRIS)).as(name).isEqualTo(((Clusterer) model).predict(IRIS));
            assertThat(((Clusterer) restored).clusterCount()).isEqualTo(3);
        });
    }

    @Test
    void thePackageIsExported() {
        ModuleDescriptor descriptor = ClassicalPlugin.class.getModule().getDescriptor();
        assertThat(descriptor).as("tests run on the module path").isNotNull();
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source).contains("dev.grove.classical.cluster");
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
