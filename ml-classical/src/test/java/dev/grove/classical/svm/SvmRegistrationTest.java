package dev.grove.classical.svm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.Estimator;
import dev.grove.api.model.Model;
import dev.grove.api.run.RunContext;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.classical.ClassicalPlugin;
import dev.grove.classical.testing.CsvData;
import dev.grove.classical.testing.Standardiser;
import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The classical plugin offers {@code svm} and {@code linear-svm}: created from default params, fitted, restored. */
class SvmRegistrationTest {

    private static final Dataset IRIS = Standardiser.standardise(CsvData.read("iris"));

    @Test
    void bothComponentsAreRegisteredAndTheirRestorersRebuildTheModels() {
        List<Component<?>> components = new ArrayList<>();
        new ClassicalPlugin().register(components::add);
        Map<String, Record> defaults = Map.of(Svm.NAME, SvmParams.defaults(), LinearSvm.NAME, LinearSvmParams.defaults());
        Map<String, Class<?>> types = Map.of(Svm.NAME, Svm.class, LinearSvm.NAME, LinearSvm.class);
        int found = 0;
        for (Component<?> component : components) {
            Record params = defaults.get(component.name());
            if (params == null) {
                continue;
            }
            found++;
            assertThat(component.kind()).isEqualTo(Kind.ESTIMATOR);
            assertThat(component.paramsType()).isEqualTo(params.getClass());
            Object created = create(component, params);
            assertThat(created).isInstanceOf(types.get(component.name()));
            Model model = ((Estimator<?>) created).fit(IRIS, RunContext.withSeed(0));
            Model restored = restore(component, params, model);
            assertThat(((Classifier) restored).predictProba(IRIS)).isDeepEqualTo(((Classifier) model).predictProba(IRIS));
        }
        assertThat(found).isEqualTo(2);
    }

    @Test
    void thePackageIsExported() {
        ModuleDescriptor descriptor = Svm.class.getModule().getDescriptor();
        assertThat(descriptor).as("tests run on the module path").isNotNull();
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source).contains("dev.grove.classical.svm");
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
