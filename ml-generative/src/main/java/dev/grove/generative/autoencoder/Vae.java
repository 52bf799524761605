package dev.grove.generative.autoencoder;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Estimator;
import dev.grove.api.model.Summarized;
import dev.grove.api.model.Summary;
import dev.grove.api.run.RunContext;
import dev.grove.neural.network.NetworkSummary;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.List;
import java.util.Objects;

/**
 * The {@code vae} estimator: a variational autoencoder (Kingma and Welling), optionally conditioned
 * on the class of each image. A fit builds the networks for the data's image shape (weights from
 * the context's {@code init} stream) and trains them by mini-batches on the negative evidence lower
 * bound of {@link VaeLoss}: for each batch the encoder gives μ and log σ², a code
 * z = μ + ε · σ is drawn with ε from the step's own stream, the decoder reconstructs the images from
 * z, and (reconstruction + β · KL) / n is minimised. Each epoch records {@code train/loss},
 * {@code train/reconstruction} and {@code train/kl} per image.
 *
 * <pre>{@code
 * VaeModel vae = new Vae(VaeParams.of(List.of(dense(400, "relu")), List.of(dense(400, "relu")), 20))
 *         .fit(mnistTrain, RunContext.withSeed(42));
 * Tensor digits = vae.sample(16, 7L);
 * }</pre>
 */
public final class Vae implements Estimator<VaeModel>, Summarized {

    /** The component name. */
    public static final String NAME = "vae";

    private final VaeParams params;

    /** An estimator with {@code params}. */
    public Vae(VaeParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public VaeParams params() {
        return params;
    }

    /**
     * Trains a VAE on {@code data}'s images.
     *
     * @throws IllegalArgumentException if the rows are not images with 1 or 3 channels, a pixel lies
     *                                  outside [0, 1], the layers do not fit, or a conditional VAE's
     *                                  data has no class targets
     * @throws IllegalStateException    if training diverges (naming the epoch and step)
     */
    @Override
    public VaeModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        Schema schema = data.schema();
        ImageShape image = ImageShape.of(NAME, schema);
        ImageShape.checkPixelRange(NAME, data);
        List<String> classes = conditionClasses(schema);
        VaeNetworks networks = VaeNetworks.build(params, image, classes.size(), context.rng("init"));
        String pixelLoss = params.loss();
        float beta = (float) params.beta();
        int latent = params.latentDim();
        EpochTrainer trainer = new EpochTrainer(NAME, context, networks.parameters(), params.optimizer(), params.epochs(),
                params.batchSize(), List.of("loss", "reconstruction", "kl"));
        trainer.run(new ImageBatches(data, image, classes.size()), data.rows(), (batch, pass) -> {
            VaeNetworks.Posterior posterior = networks.encode(batch.images(), batch.oneHot(), pass);
            Tensor noise = Tensor.randn(pass.rng(), batch.rows(), latent);
            Tensor z = VaeLoss.reparameterize(posterior.mu(), posterior.logVariance(), noise);
            Tensor logits = networks.decodeLogits(z, batch.oneHot(), pass);
            VaeLoss.Terms terms = VaeLoss.compute(pixelLoss, beta, logits, batch.images(), posterior.mu(),
                    posterior.logVariance());
            return new EpochTrainer.Result(terms.objective(),
                    new double[] {terms.reconstruction() + beta * terms.kl(), terms.reconstruction(), terms.kl()});
        });
        networks.dropGradients();
        return new VaeModel(schema, params, image, new ClassConditions(NAME, classes), networks);
    }

    /**
     * The networks a fit builds for {@code schema}'s images, untrained (weights from seed 0, which do
     * not show), part by part: {@code encoder.*}, the {@code mu} and {@code log-variance} heads, then
     * {@code decoder.*}; all parameters are trainable.
     *
     * @throws IllegalArgumentException if the samples are not images with 1 or 3 channels, the layers
     *                                  do not fit, or a conditional VAE's data has no class targets
     */
    @Override
    public Summary summary(Schema schema) {
        VaeNetworks networks = VaeNetworks.build(params, ImageShape.of(NAME, schema), conditionClasses(schema).size(),
                new Rng(0));
        return NetworkSummary.ofParts(networks.namedLayers());
    }

    /** The class labels a conditional VAE is conditioned on, or none. */
    private List<String> conditionClasses(Schema schema) {
        if (!params.conditional()) {
            return List.of();
        }
        if (!schema.isClassification()) {
            throw new IllegalArgumentException(NAME + ": conditional: true needs images with class targets to condition on,"
                    + " but the data has " + (schema.hasTarget() ? "a numeric target '" + schema.targetName() + "'"
                    : "no target"));
        }
        return schema.classLabels();
    }

    @Override
    public String toString() {
        return "Vae[latent " + params.latentDim() + (params.conditional() ? ", conditional" : "") + "]";
    }
}
