package dev.grove.neural.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.params.Params;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.api.spi.NoParams;
import dev.grove.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerComponentsTest {

    private static List<Component<?>> registered() {
        List<Component<?>> components = new ArrayList<>();
        LayerComponents.register(components::add);
        return components;
    }

    @Test
    void everyLayerIsRegisteredAsALayerComponent() {
        assertThat(registered()).extracting(Component::name).containsExactlyInAnyOrder(
                "dense", "conv2d", "max-pool2d", "avg-pool2d", "flatten", "reshape", "upsample2d", "dropout", "batch-norm", "layer-norm",
                "relu", "sigmoid", "tanh", "softmax", "leaky-relu", "gelu", "heaviside",
                "sequential", "residual", "inception", "graph");
        assertThat(registered()).extracting(Component::kind).containsOnly(Kind.LAYER);
    }

    @Test
    void eachFactoryMakesASpecOfItsOwnKindThatBuilds() {
        Map<String, Record> params = Map.ofEntries(
                Map.entry("dense", DenseParams.of(3, "relu")),
                Map.entry("conv2d", Conv2dParams.of(2, 3, "same", "relu")),
                Map.entry("max-pool2d", Pool2dParams.of(2)),
                Map.entry("avg-pool2d", Pool2dParams.of(2)),
                Map.entry("reshape", ReshapeParams.of(4, 2, 4)),
                Map.entry("upsample2d", new Upsample2dParams(2)),
                Map.entry("dropout", new DropoutParams(0.5)),
                Map.entry("batch-norm", BatchNormParams.defaults()),
                Map.entry("layer-norm", new LayerNormParams(1e-5)),
                Map.entry("leaky-relu", new LeakyReluParams(0.01)),
                Map.entry("sequential", new SequentialParams(List.of(new FlattenSpec()))),
                Map.entry("residual", ResidualParams.of(ActivationSpec.named("tanh"))),
                Map.entry("inception", new InceptionParams(1, 1, 1, 1, 1, 1)),
                Map.entry("graph", GraphParams.of(GraphParams.Node.of("only", new FlattenSpec(), "input"))));
        for (Component<?> component : registered()) {
            Object product = create(component, params.getOrDefault(component.name(), new NoParams()));
            assertThat(product).as(component.name()).isInstanceOf(LayerSpec.class);
            LayerSpec spec = (LayerSpec) product;
            assertThat(spec.kind()).isEqualTo(component.name());
            int[] input = component.name().equals("dense") ? new int[] {4} : new int[] {2, 4, 4};
            assertThat(spec.build(input, new Rng(0)).kind()).isEqualTo(component.name());
        }
    }

    @Test
    void paramsAnnotationsAgreeWithTheConstructors() {
        assertThat(Params.validate(DenseParams.of(3, "relu"))).isNotNull();
        assertThat(Params.validate(new Conv2dParams(2, 3, 2, "same", "gelu", false, "he-uniform", 0.1, 0.2))).isNotNull();
        assertThat(Params.validate(new GraphParams(List.of(GraphParams.Node.of("a", new FlattenSpec())), null)).output())
                .isEqualTo("a");
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Object create(Component<P> component, Record params) {
        assertThat(params).as(component.name()).isInstanceOf(component.paramsType());
        return component.create((P) params);
    }
}
