package dev.grove.neural.layer;

import dev.grove.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code inception} block as configured. Its children are named after the params: {@code b1},
 * {@code b3-reduce}, {@code b3}, {@code b5-reduce}, {@code b5}, {@code pool} (the max pooling) and
 * {@code pool-proj}.
 *
 * @param params its params
 */
public record InceptionSpec(InceptionParams params) implements LayerSpec {

    /** The component name. */
    public static final String KIND = "inception";

    /** Checks the params are given. */
    public InceptionSpec {
        Objects.requireNonNull(params, "params");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Layer build(int[] inputShape, Rng rng) {
        int[] image = SampleShapes.requireImage(KIND, inputShape);
        List<Layer.Child> children = new ArrayList<>();
        Layer b1 = child(children, "b1", conv(params.b1(), 1), image, rng);
        Layer b3Reduce = child(children, "b3-reduce", conv(params.b3Reduce(), 1), image, rng);
        Layer b3 = child(children, "b3", conv(params.b3(), 3), b3Reduce.outputShape(), rng);
        Layer b5Reduce = child(children, "b5-reduce", conv(params.b5Reduce(), 1), image, rng);
        Layer b5 = child(children, "b5", conv(params.b5(), 5), b5Reduce.outputShape(), rng);
        Layer pool = child(children, "pool", Pool2dSpec.max(new Pool2dParams(3, 1, 1)), image, rng);
        Layer poolProj = child(children, "pool-proj", conv(params.poolProj(), 1), pool.outputShape(), rng);
        int[] output = {params.outputChannels(), image[1], image[2]};
        return new InceptionLayer(image, output, new InceptionLayer.Branches(b1, b3Reduce, b3, b5Reduce, b5, pool, poolProj),
                children);
    }

    private static LayerSpec conv(int filters, int kernel) {
        return new Conv2dSpec(Conv2dParams.of(filters, kernel, "same", "relu"));
    }

    private static Layer child(List<Layer.Child> children, String name, LayerSpec spec, int[] inputShape, Rng rng) {
        Layer layer;
        try {
            layer = spec.build(inputShape, rng.derive(name));
        } catch (IllegalArgumentException e) {
            throw LayerBuildError.within(name, e);
        }
        children.add(new Layer.Child(name, layer));
        return layer;
    }
}
