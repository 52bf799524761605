package dev.grove.neural.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.params.Default;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizerComponentsTest {

    private static List<Component<?>> registered() {
        List<Component<?>> components = new ArrayList<>();
        OptimizerComponents.register(components::add);
        return components;
    }

    @Test
    void registersTheOptimizersAndSchedules() {
        List<Component<?>> components = registered();
        assertThat(components).filteredOn(c -> c.kind() == Kind.OPTIMIZER).extracting(Component::name)
                .containsExactly("sgd", "adam", "adamw", "rmsprop", "adadelta");
        assertThat(components).filteredOn(c -> c.kind() == Kind.SCHEDULE).extracting(Component::name)
                .containsExactly("step", "cosine", "exponential");
    }

    @Test
    @SuppressWarnings("unchecked")
    void defaultOptimizersCarryPyTorchsLearningRates() {
        Map<String, Record> defaults = Map.of("sgd", SgdParams.defaults(), "adam", AdamParams.defaults(),
                "adamw", AdamWParams.defaults(), "rmsprop", RmsPropParams.defaults(), "adadelta", AdadeltaParams.defaults());
        Map<String, Float> rates = Map.of("sgd", 0.01f, "adam", 1e-3f, "adamw", 1e-3f, "rmsprop", 0.01f, "adadelta", 1.0f);
        for (Component<?> component : registered()) {
            if (component.kind() == Kind.OPTIMIZER) {
                OptimizerSpec spec = (OptimizerSpec) ((Component<Record>) component).create(defaults.get(component.name()));
                assertThat(spec.kind()).isEqualTo(component.name());
                assertThat(spec.learningRate()).as(component.name()).isEqualTo(rates.get(component.name()));
            }
        }
    }

    @Test
    void theDeclaredDefaultsAreTheJavaDefaults() throws ReflectiveOperationException {
        // What grove describe and YAML binding read (@Default) must equal what Java callers get from defaults().
        List<Record> defaults = List.of(SgdParams.defaults(), AdamParams.defaults(), AdamWParams.defaults(),
                RmsPropParams.defaults(), AdadeltaParams.defaults(), StepScheduleParams.defaults(),
                CosineScheduleParams.defaults(), ExponentialScheduleParams.defaults());
        for (Record params : defaults) {
            for (RecordComponent component : params.getClass().getRecordComponents()) {
                String declared = component.getAnnotation(Default.class).value();
                Object actual = component.getAccessor().invoke(params);
                Object parsed;
                if (actual instanceof Double) {
                    parsed = Double.parseDouble(declared);
                } else if (actual instanceof Integer) {
                    parsed = Integer.parseInt(declared);
                } else {
                    parsed = Boolean.parseBoolean(declared);
                }
                assertThat(actual).as(params.getClass().getSimpleName() + "." + component.getName()).isEqualTo(parsed);
            }
        }
    }
}
