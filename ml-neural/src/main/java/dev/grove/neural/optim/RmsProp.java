package dev.grove.neural.optim;

import dev.grove.neural.layer.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * RMSprop as {@code torch.optim.RMSprop}. With gradient g: g ← g + λ·w; s = α·s + (1 − α)·g²;
 * centered: a = α·a + (1 − α)·g and the denominator is √(s − a²) + ε, else √s + ε; with momentum μ
 * the buffer b = μ·b + g / denominator and w ← w − lr·b, else w ← w − lr·g / denominator.
 */
public final class RmsProp implements OptimizerSpec {

    /** The component name. */
    public static final String NAME = "rmsprop";

    private final RmsPropParams params;

    /** RMSprop configured by {@code params}. */
    public RmsProp(RmsPropParams params) {
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

    /** The running optimizer: square_avg, then momentum_buffer and grad_avg when configured. */
    private static final class Updates extends StatefulOptimizer {

        private final float alpha;
        private final float alphaComplement;
        private final float eps;
        private final float momentum;
        private final float weightDecay;
        private final int momentumSlot;
        private final int gradientMeanSlot;

        Updates(RmsPropParams params, List<Parameter> parameters) {
            super(NAME, parameters, bufferNames(params), false);
            this.alpha = (float) params.alpha();
            this.alphaComplement = (float) (1 - params.alpha());
            this.eps = (float) params.eps();
            this.momentum = (float) params.momentum();
            this.weightDecay = (float) params.weightDecay();
            List<String> names = bufferNames(params);
            this.momentumSlot = names.indexOf("momentum_buffer");
            this.gradientMeanSlot = names.indexOf("grad_avg");
        }

        private static List<String> bufferNames(RmsPropParams params) {
            List<String> names = new ArrayList<>(List.of("square_avg"));
            if (params.momentum() > 0) {
                names.add("momentum_buffer");
            }
            if (params.centered()) {
                names.add("grad_avg");
            }
            return names;
        }

        @Override
        void update(float[] value, float[] gradient, float[][] buffers, int from, int to, long step, float learningRate) {
            // One loop per combination of options, so that each has at most one branch (weight decay)
            // and still compiles to vector code when one JVM runs several configurations.
            float[] meanSquare = buffers[0];
            float rate = -learningRate;
            if (gradientMeanSlot < 0 && momentumSlot < 0) {
                for (int i = from; i < to; i++) {
                    float w = value[i];
                    float g = weightDecay == 0 ? gradient[i] : gradient[i] + weightDecay * w;
                    float s = alpha * meanSquare[i] + alphaComplement * (g * g);
                    meanSquare[i] = s;
                    value[i] = w + rate * (g / ((float) Math.sqrt(s) + eps));
                }
            } else if (gradientMeanSlot < 0) {
                float[] momentumBuffer = buffers[momentumSlot];
                for (int i = from; i < to; i++) {
                    float w = value[i];
                    float g = weightDecay == 0 ? gradient[i] : gradient[i] + weightDecay * w;
                    float s = alpha * meanSquare[i] + alphaComplement * (g * g);
                    meanSquare[i] = s;
                    float b = momentum * momentumBuffer[i] + g / ((float) Math.sqrt(s) + eps);
                    momentumBuffer[i] = b;
                    value[i] = w + rate * b;
                }
            } else if (momentumSlot < 0) {
                float[] gradientMean = buffers[gradientMeanSlot];
                for (int i = from; i < to; i++) {
                    float w = value[i];
                    float g = weightDecay == 0 ? gradient[i] : gradient[i] + weightDecay * w;
                    float s = alpha * meanSquare[i] + alphaComplement * (g * g);
                    float a = alpha * gradientMean[i] + alphaComplement * g;
                    meanSquare[i] = s;
                    gradientMean[i] = a;
                    value[i] = w + rate * (g / ((float) Math.sqrt(s - a * a) + eps));
                }
            } else {
                float[] momentumBuffer = buffers[momentumSlot];
                float[] gradientMean = buffers[gradientMeanSlot];
                for (int i = from; i < to; i++) {
                    float w = value[i];
                    float g = weightDecay == 0 ? gradient[i] : gradient[i] + weightDecay * w;
                    float s = alpha * meanSquare[i] + alphaComplement * (g * g);
                    float a = alpha * gradientMean[i] + alphaComplement * g;
                    meanSquare[i] = s;
                    gradientMean[i] = a;
                    float b = momentum * momentumBuffer[i] + g / ((float) Math.sqrt(s - a * a) + eps);
                    momentumBuffer[i] = b;
                    value[i] = w + rate * b;
                }
            }
        }
    }
}
