package dev.grove.neural.optim;

import dev.grove.neural.layer.Parameter;
import java.util.List;

/**
 * Adadelta as {@code torch.optim.Adadelta}. With gradient g: g ← g + λ·w; s = ρ·s + (1 − ρ)·g²;
 * the update Δ = √(u + ε) / √(s + ε) · g; u = ρ·u + (1 − ρ)·Δ²; w ← w − lr·Δ.
 */
public final class Adadelta implements OptimizerSpec {

    /** The component name. */
    public static final String NAME = "adadelta";

    private final AdadeltaParams params;

    /** Adadelta configured by {@code params}. */
    public Adadelta(AdadeltaParams params) {
        this.params = params;
    }

    @Override
    public String kind() {
        return NAME;
    }

    @Override
    public float learningRate() {
        return (float) params.lr();
    }

    @Override
    public Optimizer create(List<Parameter> parameters) {
        return new Updates(params, parameters);
    }

    /** The running optimizer: square_avg (s) and acc_delta (u) per parameter. */
    private static final class Updates extends StatefulOptimizer {

        private final float rho;
        private final float rhoComplement;
        private final float eps;
        private final float weightDecay;

        Updates(AdadeltaParams params, List<Parameter> parameters) {
            super(NAME, parameters, List.of("square_avg", "acc_delta"), false);
            this.rho = (float) params.rho();
            this.rhoComplement = (float) (1 - params.rho());
            this.eps = (float) params.eps();
            this.weightDecay = (float) params.weightDecay();
        }

        @Override
        void update(float[] value, float[] gradient, float[][] buffers, int from, int to, long step, float learningRate) {
            float[] meanSquare = buffers[0];
            float[] meanSquareUpdate = buffers[1];
            float rate = -learningRate;
            for (int i = from; i < to; i++) {
                float w = value[i];
                float g = weightDecay == 0 ? gradient[i] : gradient[i] + weightDecay * w;
                float s = rho * meanSquare[i] + rhoComplement * (g * g);
                meanSquare[i] = s;
                float u = meanSquareUpdate[i];
                float delta = (float) Math.sqrt(u + eps) / (float) Math.sqrt(s + eps) * g;
                meanSquareUpdate[i] = rho * u + rhoComplement * (delta * delta);
                value[i] = w + rate * delta;
            }
        }
    }
}
