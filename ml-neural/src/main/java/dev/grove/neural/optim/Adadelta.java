package dev.grove.neural.optim;

import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Tensor;
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
        void update(Tensor value, Tensor gradient, Tensor[] buffers, long step, float learningRate) {
            Tensor g = weightDecay == 0 ? gradient : gradient.copy().addInPlace(value, weightDecay);
            Tensor meanSquare = buffers[0].mulInPlace(rho).addInPlace(g.mul(g), rhoComplement);
            Tensor meanSquareUpdate = buffers[1];
            Tensor delta = meanSquareUpdate.add(eps).sqrt().div(meanSquare.add(eps).sqrt()).mul(g);
            meanSquareUpdate.mulInPlace(rho).addInPlace(delta.mul(delta), rhoComplement);
            value.addInPlace(delta, -learningRate);
        }
    }
}
