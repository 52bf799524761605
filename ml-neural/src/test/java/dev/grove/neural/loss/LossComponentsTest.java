package dev.grove.neural.loss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.api.spi.NoParams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossComponentsTest {

    @Test
    @SuppressWarnings("unchecked")
    void registersTheThreeLossesWithFactoriesThatBuildThem() {
        List<Component<?>> components = new ArrayList<>();
        LossComponents.register(components::add);
        assertThat(components).extracting(Component::name).containsExactly("mse", "cross-entropy", "hinge");
        assertThat(components).extracting(Component::kind).containsOnly(Kind.LOSS);
        assertThat(((Component<NoParams>) components.get(0)).create(new NoParams())).isInstanceOf(MseLoss.class);
        assertThat(((Component<CrossEntropyParams>) components.get(1)).create(CrossEntropyParams.defaults()))
                .isInstanceOf(CrossEntropyLoss.class);
        assertThat(((Component<NoParams>) components.get(2)).create(new NoParams())).isInstanceOf(HingeLoss.class);
    }
}
