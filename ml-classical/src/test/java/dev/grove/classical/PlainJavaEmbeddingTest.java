package dev.grove.classical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.classical.linear.LogisticRegression;
import dev.grove.classical.linear.LogisticRegressionModel;
import dev.grove.classical.linear.LogisticRegressionParams;
import dev.grove.classical.testing.CsvData;
import java.lang.module.ModuleDescriptor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An embedder fits and uses a model in plain Java, with no runtime, YAML or dependency injection around. */
class PlainJavaEmbeddingTest {

    private static final List<String> RUNTIME_ONLY = List.of("com.google.guice", "org.yaml.snakeyaml", "dev.grove.loader");

    @Test
    void fitsPredictsAndGivesProbabilitiesOnIrisInPlainJava() {
        Dataset iris = CsvData.read("iris");

        var model = new LogisticRegression(LogisticRegressionParams.defaults()).fit(iris, RunContext.withSeed(0));

        int[] predicted = model.predict(iris);
        double[][] proba = model.predictProba(iris);
        long correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == iris.label(i) ? 1 : 0;
            assertThat(Arrays.stream(proba[i]).sum()).isCloseTo(1, offset(1e-12));
        }
        // Unscaled iris still trains well; scikit-learn's LogisticRegression() scores 0.973 on the
        // training rows (with a convergence warning at 100 iterations).
        assertThat((double) correct / iris.rows()).isGreaterThanOrEqualTo(0.95);
        assertThat(model).isInstanceOf(LogisticRegressionModel.class);
    }

    @Test
    void theModuleNeedsNoRuntimeYamlOrInjection() {
        Module classical = LogisticRegression.class.getModule();
        assertThat(classical.isNamed()).as("running on the module path").isTrue();
        assertThat(classical.getName()).isEqualTo("dev.grove.classical");
        for (String name : RUNTIME_ONLY) {
            assertThat(ModuleLayer.boot().findModule(name)).as(name + " in the boot layer").isEmpty();
        }
        assertThat(classical.getDescriptor().requires()).extracting(ModuleDescriptor.Requires::name)
                .doesNotContainAnyElementsOf(RUNTIME_ONLY)
                .contains("dev.grove.api");
    }
}
