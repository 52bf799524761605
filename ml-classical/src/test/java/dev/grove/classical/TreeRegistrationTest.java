package dev.grove.classical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.Estimator;
import dev.grove.api.model.Model;
import dev.grove.api.run.RunContext;
import dev.grove.api.spi.Component;
import dev.grove.classical.testing.CsvData;
import dev.grove.classical.tree.DecisionTree;
import dev.grove.classical.tree.DecisionTreeParams;
import dev.grove.classical.tree.RandomForest;
import dev.grove.classical.tree.RandomForestParams;
import java.lang.module.ModuleDescriptor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plugin registers decision-tree and random-forest under their issue names, exports their
 * package, and each restorer rebuilds a model that answers exactly as the fitted one.
 */
class TreeRegistrationTest {

    private static final Dataset IRIS = CsvData.read("iris");


    @Test
    void registersBothTreeEstimatorsAndExportsTheirPackage() {
        Map<String, Component<?>> components = Registered.estimators();
        assertThat(components.get("decision-tree").paramsType()).isEqualTo(DecisionTreeParams.class);
        assertThat(components.get("random-forest").paramsType()).isEqualTo(RandomForestParams.class);
        for (String name : new String[] {"decision-tree", "random-forest"}) {
            assertThat(components.get(name).doc()).as(name).isNotBlank();
        }
        ModuleDescriptor descriptor = ClassicalPlugin.class.getModule().getDescriptor();
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source).contains("dev.grove.classical.tree");
    }

    @Test
    void eachFitsFromDefaultsAndItsRestorerRebuildsTheModel() {
        Map<String, Record> defaults = Map.of("decision-tree", DecisionTreeParams.defaults(),
                "random-forest", RandomForestParams.defaults().withTrees(10));
        Map<String, Class<?>> types = Map.of("decision-tree", DecisionTree.class, "random-forest", RandomForest.class);
        Map<String, Component<?>> components = Registered.estimators();
        defaults.forEach((name, params) -> {
            Component<?> component = components.get(name);
            Object created = Registered.create(component, params);
            assertThat(created).as(name).isInstanceOf(types.get(name));
            Model model = ((Estimator<?>) created).fit(IRIS, RunContext.withSeed(0));
            Model restored = Registered.restore(component, params, model);
            assertThat(((Classifier) restored).predictProba(IRIS)).as(name)
                    .isDeepEqualTo(((Classifier) model).predictProba(IRIS));
        });
    }
}
