package dev.grove.generative.gan;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.OfKind;
import dev.grove.api.params.Params;
import dev.grove.api.spi.Kind;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import dev.grove.neural.optim.OptimizerSpec;
import java.util.List;
import java.util.Objects;

/**
 * Params of the {@code gan} estimator.
 *
 * @param generator              the generator's hidden layers, applied to the noise (with the one-hot
 *                               class appended when conditional); the gan appends the output layer, a
 *                               dense of one unit per pixel with a tanh, reshaped to the image
 * @param discriminator          the discriminator's hidden layers; the gan appends a dense of one
 *                               unit, the logit of "real". The image comes flat (with the one-hot class
 *                               appended when conditional) unless the first layer is {@code conv2d}:
 *                               then it comes as {@code [channels, height, width]} with one constant
 *                               plane per class appended to the channels
 * @param latentDim              size of the noise vector z ~ N(0, I)
 * @param conditional            whether generator and discriminator also see the class (one-hot), so
 *                               the generator learns P(x | c) and can be asked for a class
 * @param discriminatorSteps     discriminator steps per generator step (k)
 * @param labelSmoothing         one-sided label smoothing ε: real images' target is 1 − ε
 * @param generatorOptimizer     the generator's optimizer
 * @param discriminatorOptimizer the discriminator's optimizer
 * @param epochs                 passes over the training images (by the discriminator)
 * @param batchSize              real images per discriminator step, and generated images per step
 */
public record GanParams(
        @Doc("Hidden layers of the generator, applied to the noise (plus the one-hot class when conditional);"
                + " a dense output of one unit per pixel with a tanh is appended (samples are its output rescaled to [0, 1])")
        @Default("[{dense: {units: 256}}, {leaky-relu: {slope: 0.2}}, {dense: {units: 512}}, {leaky-relu: {slope: 0.2}}]")
        @OfKind(Kind.LAYER) List<LayerSpec> generator,
        @Doc("Hidden layers of the discriminator, on the flat image (plus the one-hot class when conditional), or on"
                + " [channels, height, width] (plus one constant plane per class) when the first layer is conv2d;"
                + " a dense output of one logit is appended")
        @Default("[{dense: {units: 512}}, {leaky-relu: {slope: 0.2}}, {dropout: {p: 0.3}},"
                + " {dense: {units: 256}}, {leaky-relu: {slope: 0.2}}, {dropout: {p: 0.3}}]")
        @OfKind(Kind.LAYER) List<LayerSpec> discriminator,
        @Doc("Size of the noise vector z ~ N(0, I) the generator starts from") @Default("100") @Min(1) int latentDim,
        @Doc("Condition both networks on the class (one-hot), so the generator learns P(x | c)")
        @Default("false") boolean conditional,
        @Doc("Discriminator steps per generator step") @Default("1") @Min(1) int discriminatorSteps,
        @Doc("One-sided label smoothing: the real images' target is 1 - label-smoothing (e.g. 0.1 gives 0.9)")
        @Default("0.0") @Min(0) @Max(value = 1, exclusive = true) double labelSmoothing,
        @Doc("The generator's optimizer") @Default("{adam: {lr: 0.0002, beta1: 0.5}}")
        @OfKind(Kind.OPTIMIZER) OptimizerSpec generatorOptimizer,
        @Doc("The discriminator's optimizer") @Default("{adam: {lr: 0.0002, beta1: 0.5}}")
        @OfKind(Kind.OPTIMIZER) OptimizerSpec discriminatorOptimizer,
        @Doc("Passes over the training images") @Default("30") @Min(1) int epochs,
        @Doc("Real images per discriminator step (and generated images per step)") @Default("64") @Min(1) int batchSize) {

    /** Validates every param. */
    public GanParams {
        generator = List.copyOf(Objects.requireNonNull(generator, "gan: generator (a list of layers) is required"));
        discriminator = List.copyOf(Objects.requireNonNull(discriminator, "gan: discriminator (a list of layers) is required"));
        Objects.requireNonNull(generatorOptimizer, "gan: generator-optimizer is required");
        Objects.requireNonNull(discriminatorOptimizer, "gan: discriminator-optimizer is required");
        Params.atLeast("latent-dim", latentDim, 1, false);
        Params.atLeast("discriminator-steps", discriminatorSteps, 1, false);
        Params.atLeast("label-smoothing", labelSmoothing, 0, false);
        Params.atMost("label-smoothing", labelSmoothing, 1, true);
        Params.atLeast("epochs", epochs, 1, false);
        Params.atLeast("batch-size", batchSize, 1, false);
    }

    /** The usual GAN optimizer (Radford et al. 2016): Adam with lr 2e-4 and beta1 0.5. */
    public static OptimizerSpec defaultOptimizer() {
        return new Adam(new AdamParams(2e-4, 0.5, 0.999, 1e-8, 0.0));
    }

    /**
     * Params with these layers and the documented defaults otherwise: latent size 100, unconditional,
     * one discriminator step per generator step, no label smoothing, {@link #defaultOptimizer()} for
     * both networks, 30 epochs of batches of 64.
     */
    public static GanParams of(List<LayerSpec> generator, List<LayerSpec> discriminator) {
        return new GanParams(generator, discriminator, 100, false, 1, 0.0, defaultOptimizer(), defaultOptimizer(), 30, 64);
    }

    /** A copy with another latent size. */
    public GanParams withLatentDim(int value) {
        return new GanParams(generator, discriminator, value, conditional, discriminatorSteps, labelSmoothing,
                generatorOptimizer, discriminatorOptimizer, epochs, batchSize);
    }

    /** A copy that is, or is not, conditioned on the class. */
    public GanParams withConditional(boolean value) {
        return new GanParams(generator, discriminator, latentDim, value, discriminatorSteps, labelSmoothing,
                generatorOptimizer, discriminatorOptimizer, epochs, batchSize);
    }

    /** A copy with another number of discriminator steps per generator step. */
    public GanParams withDiscriminatorSteps(int value) {
        return new GanParams(generator, discriminator, latentDim, conditional, value, labelSmoothing,
                generatorOptimizer, discriminatorOptimizer, epochs, batchSize);
    }

    /** A copy with another one-sided label smoothing. */
    public GanParams withLabelSmoothing(double value) {
        return new GanParams(generator, discriminator, latentDim, conditional, discriminatorSteps, value,
                generatorOptimizer, discriminatorOptimizer, epochs, batchSize);
    }

    /** A copy with other optimizers for the generator and the discriminator. */
    public GanParams withOptimizers(OptimizerSpec forGenerator, OptimizerSpec forDiscriminator) {
        return new GanParams(generator, discriminator, latentDim, conditional, discriminatorSteps, labelSmoothing,
                forGenerator, forDiscriminator, epochs, batchSize);
    }

    /** A copy that trains for {@code value} epochs. */
    public GanParams withEpochs(int value) {
        return new GanParams(generator, discriminator, latentDim, conditional, discriminatorSteps, labelSmoothing,
                generatorOptimizer, discriminatorOptimizer, value, batchSize);
    }

    /** A copy with another batch size. */
    public GanParams withBatchSize(int value) {
        return new GanParams(generator, discriminator, latentDim, conditional, discriminatorSteps, labelSmoothing,
                generatorOptimizer, discriminatorOptimizer, epochs, value);
    }
}
