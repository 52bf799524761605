package dev.grove.generative.gan;

import dev.grove.tensor.Tensor;
import java.util.Arrays;

/**
 * The two losses of GAN training, computed from the discriminator's logits (one per image, shape
 * {@code [batch]} or {@code [batch, 1]}; σ(z) is the probability the discriminator gives "real"):
 *
 * <ul>
 *   <li>discriminator: −mean_i [t·log σ(r_i) + (1 − t)·log σ(−r_i)] − mean_j log σ(−f_j), the binary
 *       cross-entropy of the real logits r against target t and of the generated logits f against 0.
 *       t is 1, or 1 − ε with one-sided label smoothing ε (Salimans et al. 2016: only the real
 *       target is softened, so the discriminator is not rewarded for calling fakes partly real);</li>
 *   <li>generator, non-saturating (Goodfellow et al. 2014): −mean_j log σ(f_j). Maximising
 *       log D(G(z)) instead of minimising log(1 − D(G(z))) gives strong gradients early on, when the
 *       discriminator rejects every sample easily.</li>
 * </ul>
 *
 * <p>Both are stable for any logit: log σ(z) and log σ(−z) are read from the log-softmax of the pair
 * (0, z), which never exponentiates a large number and whose gradient stays exact at z = 0.
 */
public final class GanLosses {

    private GanLosses() {
    }

    /**
     * The discriminator's loss on a batch of real and a batch of generated images.
     *
     * @param realLogits      the discriminator's logits for real images
     * @param fakeLogits      its logits for generated images
     * @param labelSmoothing  ε in [0, 1): the real images' target is 1 − ε
     * @throws IllegalArgumentException if the logits are not one per image or ε is out of range
     */
    public static Tensor discriminator(Tensor realLogits, Tensor fakeLogits, double labelSmoothing) {
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException("gan: label-smoothing must be in [0, 1), got " + labelSmoothing);
        }
        int real = rows("real", realLogits);
        int fake = rows("generated", fakeLogits);
        float target = (float) (1 - labelSmoothing);
        // Columns of the pair: log σ(−r) weighted by 1 − t, log σ(r) weighted by t.
        Tensor weights = Tensor.of(new float[] {1 - target, target});
        Tensor realTerm = logSigmoidPair(realLogits, real).mul(weights).sum().mul(-1f / real);
        Tensor fakeTerm = logSigmoidPair(fakeLogits, fake).slice(1, 0, 1).sum().mul(-1f / fake);
        return realTerm.add(fakeTerm);
    }

    /**
     * The generator's non-saturating loss −mean log σ(f) on the discriminator's logits f for
     * generated images.
     *
     * @throws IllegalArgumentException if the logits are not one per image
     */
    public static Tensor generator(Tensor fakeLogits) {
        int fake = rows("generated", fakeLogits);
        return logSigmoidPair(fakeLogits, fake).slice(1, 1, 2).sum().mul(-1f / fake);
    }

    /** {@code [n, 2]}: log σ(−z) and log σ(z) for each logit z, as the log-softmax of (0, z). */
    private static Tensor logSigmoidPair(Tensor logits, int n) {
        return Tensor.concat(1, Tensor.zeros(n, 1), logits.reshape(n, 1)).logSoftmax(1);
    }

    private static int rows(String which, Tensor logits) {
        int[] shape = logits.shape();
        boolean perImage = shape.length == 1 || (shape.length == 2 && shape[1] == 1);
        if (!perImage || shape[0] == 0) {
            throw new IllegalArgumentException("gan: the discriminator's logits for " + which
                    + " images must be one per image, [batch] or [batch, 1], got " + Arrays.toString(shape));
        }
        return shape[0];
    }
}
