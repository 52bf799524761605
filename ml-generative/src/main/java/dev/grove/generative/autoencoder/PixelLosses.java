package dev.grove.generative.autoencoder;

import dev.grove.tensor.CustomOp;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.storage.TensorStorage;
import java.util.Arrays;

/**
 * Reconstruction losses of images from a decoder's logits z (its output before the sigmoid that
 * makes pixels), summed over every pixel of every image of the batch: autoencoders and VAEs divide
 * by the batch size themselves, so a loss reads per image, as PyTorch's VAE example sums
 * {@code binary_cross_entropy(..., reduction='sum')}.
 *
 * <ul>
 *   <li>{@code bce}: Σ −[x·log σ(z) + (1 − x)·log(1 − σ(z))], computed from the logits as
 *       Σ max(z, 0) − z·x + log(1 + e^−|z|), which is exact and never takes the log of 0; one fused
 *       autograd op whose gradient is σ(z) − x.</li>
 *   <li>{@code mse}: Σ (σ(z) − x)², composed of tensor ops.</li>
 * </ul>
 */
public final class PixelLosses {

    /** The binary cross-entropy of pixels in [0, 1]. */
    public static final String BCE = "bce";
    /** The squared error. */
    public static final String MSE = "mse";

    private PixelLosses() {
    }

    /**
     * The loss {@code name} ({@link #BCE} or {@link #MSE}) of {@code logits} against {@code target},
     * summed over all elements.
     *
     * @throws IllegalArgumentException for another name, or when the two do not hold the same
     *                                  number of values per batch row
     */
    public static Tensor sum(String name, Tensor logits, Tensor target) {
        return switch (name) {
            case BCE -> binaryCrossEntropySum(logits, target);
            case MSE -> squaredErrorSum(logits, target);
            default -> throw new IllegalArgumentException("reconstruction loss must be bce or mse, got '" + name + "'");
        };
    }

    /**
     * Σ max(z, 0) − z·x + log(1 + e^−|z|) over all elements: the binary cross-entropy of σ(z) against
     * x, as {@code torch.nn.functional.binary_cross_entropy_with_logits(z, x, reduction='sum')}, each
     * term in float (by polynomials within 3 ulp), the sum in float64, in index order. The gradient is
     * g·(σ(z) − x) for the logits and g·(−z) for the target (when it requires one).
     */
    public static Tensor binaryCrossEntropySum(Tensor logits, Tensor target) {
        checkAligned("bce", logits, target);
        float[] z = TensorStorage.data(logits);
        float[] x = TensorStorage.data(target);
        boolean recording = CustomOp.recording(logits, target);
        int n = z.length;
        // The exponential's float-to-int conversion keeps its pass scalar; the passes after it vectorise.
        float[] e = new float[n];
        // σ(z) is what the backward needs; computing it here saves a second pass of exponentials.
        float[] sigmoid = recording ? new float[n] : null;
        for (int i = 0; i < n; i++) {
            float ei = LogisticMath.expNegative(Math.abs(z[i]));
            e[i] = ei;
            if (sigmoid != null) {
                sigmoid[i] = LogisticMath.sigmoid(z[i], ei);
            }
        }
        float[] terms = new float[n];
        for (int i = 0; i < n; i++) {
            terms[i] = Math.max(z[i], 0f) - z[i] * x[i] + LogisticMath.log1pUnit(e[i]);
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += terms[i];
        }
        Tensor out = Tensor.scalar((float) total);
        if (!recording) {
            return out;
        }
        int[] logitShape = logits.shape();
        int[] targetShape = target.shape();
        return CustomOp.apply("bce-with-logits-sum", out, g -> {
            float scale = g.item();
            Tensor gradLogits = null;
            Tensor gradTarget = null;
            if (logits.requiresGrad()) {
                float[] gz = new float[z.length];
                for (int i = 0; i < gz.length; i++) {
                    gz[i] = scale * (sigmoid[i] - x[i]);
                }
                gradLogits = Tensor.of(gz, logitShape);
            }
            if (target.requiresGrad()) {
                float[] gx = new float[x.length];
                for (int i = 0; i < gx.length; i++) {
                    gx[i] = -scale * z[i];
                }
                gradTarget = Tensor.of(gx, targetShape);
            }
            return new Tensor[] {gradLogits, gradTarget};
        }, logits, target);
    }

    /** Σ (σ(z) − x)² over all elements, composed of tensor ops (sigmoid, sub, mul, sum). */
    public static Tensor squaredErrorSum(Tensor logits, Tensor target) {
        checkAligned("mse", logits, target);
        Tensor difference = logits.sigmoid().sub(target.reshape(logits.shape()));
        return difference.mul(difference).sum();
    }

    /**
     * The loss {@code name} of {@code logits} against {@code target} summed over all elements in
     * float64, without gradients: what evaluation adds up over a whole data split.
     */
    static double total(String name, Tensor logits, Tensor target) {
        checkAligned(name, logits, target);
        float[] z = TensorStorage.data(logits);
        float[] x = TensorStorage.data(target);
        boolean bce = name.equals(BCE);
        double total = 0;
        for (int i = 0; i < z.length; i++) {
            double zi = z[i];
            if (bce) {
                total += Math.max(zi, 0) - zi * x[i] + Math.log1p(Math.exp(-Math.abs(zi)));
            } else {
                double d = sigmoid(zi) - x[i];
                total += d * d;
            }
        }
        return total;
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static void checkAligned(String name, Tensor logits, Tensor target) {
        if (logits.size() != target.size() || logits.rank() == 0 || target.rank() == 0 || logits.dim(0) != target.dim(0)) {
            throw new IllegalArgumentException(name + " reconstruction loss: logits of shape " + Arrays.toString(logits.shape())
                    + " and target of shape " + Arrays.toString(target.shape())
                    + " must hold the same number of values for the same batch rows");
        }
    }
}
