package dev.grove.generative.autoencoder;

import dev.grove.tensor.CustomOp;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.storage.TensorStorage;
import java.util.Arrays;

/**
 * The VAE objective on a batch of n images, a negative evidence lower bound per image:
 *
 * <pre>
 *   loss = (reconstruction + β · KL) / n
 *   reconstruction = Σ over pixels and images of the pixel loss of the decoder's logits (see {@link PixelLosses})
 *   KL = Σ over latent dimensions and images of KL(N(μ, σ²) ‖ N(0, 1)) = −½ (1 + log σ² − μ² − σ²)
 * </pre>
 *
 * <p>as PyTorch's VAE example computes it. The latent code the decoder sees is drawn by the
 * reparameterization z = μ + ε · e^(½ log σ²), ε ~ N(0, I) given, so gradients reach μ and
 * log σ² through z. Every piece is an autograd computation: the KL term and the binary
 * cross-entropy are fused ops with their own backward, the rest composed tensor ops.
 */
public final class VaeLoss {

    /**
     * One batch's objective and its two terms.
     *
     * @param objective      (reconstruction + β · KL) / n, a scalar connected to the graph
     * @param reconstruction the reconstruction term summed over the batch
     * @param kl             the KL term summed over the batch
     */
    public record Terms(Tensor objective, double reconstruction, double kl) {
    }

    private VaeLoss() {
    }

    /**
     * The objective of a batch.
     *
     * @param pixelLoss   {@code bce} or {@code mse}
     * @param beta        the weight of the KL term (1 for the ELBO)
     * @param logits      the decoder's output before its sigmoid, {@code [n, ...]}
     * @param target      the images to reconstruct, as many values per row as the logits
     * @param mu          the posterior means {@code [n, k]}
     * @param logVariance the posterior log-variances {@code [n, k]}
     */
    public static Terms compute(String pixelLoss, float beta, Tensor logits, Tensor target, Tensor mu, Tensor logVariance) {
        Tensor reconstruction = PixelLosses.sum(pixelLoss, logits, target);
        Tensor kl = klDivergenceSum(mu, logVariance);
        Tensor objective = reconstruction.add(kl.mul(beta)).div(logits.dim(0));
        return new Terms(objective, reconstruction.item(), kl.item());
    }

    /**
     * z = μ + ε · e^(½ log σ²): a draw from N(μ, σ²) that is differentiable in μ and log σ², given
     * standard normal {@code noise} of the same shape.
     */
    public static Tensor reparameterize(Tensor mu, Tensor logVariance, Tensor noise) {
        checkSameShape("reparameterize", mu, logVariance);
        checkSameShape("reparameterize", mu, noise);
        return mu.add(noise.mul(logVariance.mul(0.5f).exp()));
    }

    /**
     * Σ −½ (1 + log σ² − μ² − σ²) over all elements: the KL divergence of N(μ, σ²) from N(0, 1) for
     * every latent dimension of every image, added up in float64 in index order. One fused op with
     * gradients g·μ for μ and g·½(σ² − 1) for log σ².
     */
    public static Tensor klDivergenceSum(Tensor mu, Tensor logVariance) {
        Tensor out = Tensor.scalar((float) klTotal(mu, logVariance));
        if (!CustomOp.recording(mu, logVariance)) {
            return out;
        }
        int[] shape = mu.shape();
        float[] m = TensorStorage.data(mu);
        float[] lv = TensorStorage.data(logVariance);
        return CustomOp.apply("kl-standard-normal-sum", out, g -> {
            float scale = g.item();
            Tensor gradMu = null;
            Tensor gradLogVariance = null;
            if (mu.requiresGrad()) {
                float[] gm = new float[m.length];
                for (int i = 0; i < gm.length; i++) {
                    gm[i] = scale * m[i];
                }
                gradMu = Tensor.of(gm, shape);
            }
            if (logVariance.requiresGrad()) {
                float[] gl = new float[lv.length];
                for (int i = 0; i < gl.length; i++) {
                    gl[i] = (float) (scale * 0.5 * (Math.exp(lv[i]) - 1));
                }
                gradLogVariance = Tensor.of(gl, shape);
            }
            return new Tensor[] {gradMu, gradLogVariance};
        }, mu, logVariance);
    }

    /** The value of {@link #klDivergenceSum} in float64, without gradients: what evaluation adds up. */
    static double klTotal(Tensor mu, Tensor logVariance) {
        checkSameShape("kl", mu, logVariance);
        float[] m = TensorStorage.data(mu);
        float[] lv = TensorStorage.data(logVariance);
        double total = 0;
        for (int i = 0; i < m.length; i++) {
            total += -0.5 * (1 + lv[i] - (double) m[i] * m[i] - Math.exp(lv[i]));
        }
        return total;
    }

    private static void checkSameShape(String op, Tensor a, Tensor b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException(op + ": shapes " + Arrays.toString(a.shape()) + " and "
                    + Arrays.toString(b.shape()) + " must be equal (one value per latent dimension of each image)");
        }
    }
}
