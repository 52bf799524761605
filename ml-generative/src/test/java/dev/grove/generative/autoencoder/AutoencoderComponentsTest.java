package dev.grove.generative.autoencoder;

import static dev.grove.generative.autoencoder.TinyImages.dense;
import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.params.Default;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoencoderComponentsTest {

    @Test
    @SuppressWarnings("unchecked")
    void registersBothEstimatorsWithFactoriesAndRestorers() {
        List<Component<?>> components = new ArrayList<>();
        AutoencoderComponents.register(components::add);
        assertThat(components).extracting(Component::name).containsExactly("autoencoder", "vae");
        assertThat(components).extracting(Component::kind).containsOnly(Kind.ESTIMATOR);
        assertThat(components).allSatisfy(c -> assertThat(c.restorer()).isNotNull());
        var autoencoder = (Component<AutoencoderParams>) components.get(0);
        var vae = (Component<VaeParams>) components.get(1);
        assertThat(autoencoder.create(AutoencoderParams.of(List.of(), List.of(), 2))).isInstanceOf(Autoencoder.class);
        assertThat(vae.create(VaeParams.of(List.of(dense(4, "relu")), List.of(), 2))).isInstanceOf(Vae.class);
    }

    @Test
    void everyParamHasADocAndTheDefaultsArePyTorchsVaeRecipe() {
        for (Class<?> type : List.of(AutoencoderParams.class, VaeParams.class)) {
            for (RecordComponent component : type.getRecordComponents()) {
                assertThat(component.getAnnotation(dev.grove.api.params.Doc.class)).as(component.getName()).isNotNull();
                assertThat(component.getAnnotation(Default.class)).as(component.getName()).isNotNull();
            }
        }
        // 784-400-20 with a 400-unit decoder, Adam, 20 epochs of 128 (quality_ref_torch.py).
        assertThat(VaeParams.class.getRecordComponents()[0].getAnnotation(Default.class).value())
                .isEqualTo("[{dense: {units: 400, activation: relu}}]");
        VaeParams javaDefaults = VaeParams.of(List.of(), List.of(), 20);
        assertThat(javaDefaults.epochs()).isEqualTo(20);
        assertThat(javaDefaults.batchSize()).isEqualTo(128);
        assertThat(javaDefaults.optimizer().kind()).isEqualTo("adam");
        assertThat(javaDefaults.optimizer().learningRate()).isEqualTo(1e-3f);
    }
}
