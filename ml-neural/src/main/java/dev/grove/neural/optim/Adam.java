package dev.grove.neural.optim;

import dev.grove.neural.layer.Parameter;
import java.util.List;

/**
 * Adam as {@code torch.optim.Adam}, and with decoupled weight decay as {@code torch.optim.AdamW}.
 * At step t with gradient g: (adam) g ← g + λ·w, or (adamw) w ← w − lr·λ·w; then
 * m = β1·m + (1 − β1)·g, v = β2·v + (1 − β2)·g², and
 * w ← w − (lr / (1 − β1^t))·m / (√v / √(1 − β2^t) + ε).
 */
public final class Adam implements OptimizerSpec {

    /** The component name of Adam. */
    public static final String NAME = "adam";

    /** The component name of AdamW. */
    public static final String DECOUPLED_NAME = "adamw";

    private final String kind;
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;

    /** Adam configured by {@code params}. */
    public Adam(AdamParams params) {
        this(NAME, params.lr(), params.beta1(), params.beta2(), params.eps(), params.weightDecay(), false);
    }

    /** AdamW configured by {@code params}. */
    public Adam(AdamWParams params) {
        this(DECOUPLED_NAME, params.lr(), params.beta1(), params.beta2(), params.eps(), params.weightDecay(), true);
    }

    private Adam(String kind, double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        this.kind = kind;
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public float learningRate() {
        return (float) lr;
    }

    @Override
    public Optimizer create(List<Parameter> parameters) {
        return new Updates(this, parameters);
    }

    /** The running optimizer: the moments m and v and a step count per parameter. */
    private static final class Updates extends StatefulOptimizer {

        private final Adam config;

        Updates(Adam config, List<Parameter> parameters) {
            super(config.kind, parameters, List.of("exp_avg", "exp_avg_sq"), true);
            this.config = config;
        }

        @Override
        void update(float[] value, float[] gradient, float[][] buffers, int from, int to, long step, float learningRate) {
            float[] mean = buffers[0];
            float[] meanSquare = buffers[1];
            float beta1 = (float) config.beta1;
            float beta2 = (float) config.beta2;
            float meanRate = (float) (1 - config.beta1);
            float meanSquareRate = (float) (1 - config.beta2);
            float eps = (float) config.eps;
            // Bias corrections in double, as PyTorch computes them in Python floats.
            double correction1 = 1 - Math.pow(config.beta1, step);
            double correction2 = 1 - Math.pow(config.beta2, step);
            float rootCorrection = (float) (1 / Math.sqrt(correction2));
            float rate = (float) (-learningRate / correction1);
            boolean coupled = config.weightDecay != 0 && !config.decoupled;
            float coupledDecay = (float) config.weightDecay;
            // Multiplying by 1 leaves every float as it is, so Adam (and AdamW without decay) need no branch.
            float shrink = config.weightDecay != 0 && config.decoupled ? (float) (1 - learningRate * config.weightDecay) : 1f;
            for (int i = from; i < to; i++) {
                float w = value[i] * shrink;
                float g = coupled ? gradient[i] + coupledDecay * w : gradient[i];
                float m = beta1 * mean[i] + meanRate * g;
                float v = beta2 * meanSquare[i] + meanSquareRate * (g * g);
                mean[i] = m;
                meanSquare[i] = v;
                float denominator = (float) Math.sqrt(v) * rootCorrection + eps;
                value[i] = w + rate * (m / denominator);
            }
        }
    }
}
