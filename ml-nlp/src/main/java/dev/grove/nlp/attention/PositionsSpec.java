package dev.grove.nlp.attention;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.Objects;

/**
 * The {@code positions} layer as configured: {@code [steps, features]} in and out, row t of a
 * position table added to step t.
 *
 * @param params its params
 */
public record PositionsSpec(PositionsParams params) implements LayerSpec {

    /** The component name. */
    public static final String KIND = "positions";

    /** Checks the params are given. */
    public PositionsSpec {
        Objects.requireNonNull(params, "params");
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException unless the input is {@code [steps, features]} with at most max-steps steps
     */
    @Override
    public Layer build(int[] inputShape, Rng rng) {
        int[] shape = SequenceShapes.requireSequence(KIND, inputShape);
        int maxSteps = params.maxSteps() == 0 ? shape[0] : params.maxSteps();
        if (shape[0] > maxSteps) {
            throw new IllegalArgumentException(KIND + ": the input has " + shape[0] + " steps but max-steps is " + maxSteps
                    + "; raise max-steps or shorten the sequences");
        }
        int features = shape[1];
        if (params.learned()) {
            Parameter table = new Parameter("table", Tensor.randn(rng, maxSteps, features));
            return new PositionsLayer(shape, table.value(), table);
        }
        return new PositionsLayer(shape, sinusoidal(maxSteps, features), null);
    }

    /**
     * The table of Vaswani et al.: entry [t, 2i] is sin(t / 10000^(2i/d)) and [t, 2i + 1] is
     * cos(t / 10000^(2i/d)); for an odd d the last column is a sine.
     */
    static Tensor sinusoidal(int steps, int features) {
        float[] table = new float[steps * features];
        for (int t = 0; t < steps; t++) {
            for (int column = 0; column < features; column++) {
                int pair = column / 2;
                double angle = t / Math.pow(10000, 2.0 * pair / features);
                table[t * features + column] = (float) (column % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return Tensor.of(table, steps, features);
    }
}
