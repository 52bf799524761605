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
import dev.grove.tensor.storage.TensorStorage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code autoencoder} estimator: an encoder to a code of {@code latent-dim} values and a decoder
 * back to the image, trained by mini-batches to reconstruct each image (reconstruction loss summed
 * over its pixels, averaged over the batch; history {@code train/loss} per image). With
 * {@code noise} it is a denoising autoencoder: each training image is corrupted afresh (from the
 * step's own stream) and the loss compares the reconstruction of the corrupted image with the
 * clean one.
 *
 * <pre>{@code
 * AutoencoderModel denoiser = new Autoencoder(AutoencoderParams.of(encoder, decoder, 32).withNoise("gaussian", 0.3))
 *         .fit(mnistTrain, RunContext.withSeed(42));
 * }</pre>
 */
public final class Autoencoder implements Estimator<AutoencoderModel>, Summarized {

    /** The component name. */
    public static final String NAME = "autoencoder";

    private final AutoencoderParams params;

    /** An estimator with {@code params}. */
    public Autoencoder(AutoencoderParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public AutoencoderParams params() {
        return params;
    }

    /**
     * Trains an autoencoder on {@code data}'s images.
     *
     * @throws IllegalArgumentException if the rows are not images with 1 or 3 channels, a pixel lies
     *                                  outside [0, 1], or the layers do not fit
     * @throws IllegalStateException    if training diverges (naming the epoch and step)
     */
    @Override
    public AutoencoderModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        ImageShape image = ImageShape.of(NAME, data.schema());
        ImageShape.checkPixelRange(NAME, data);
        AutoencoderNetworks networks = AutoencoderNetworks.build(params, image, context.rng("init"));
        Corruption noise = params.corruption();
        String pixelLoss = params.loss();
        // One corrupted-input tensor per batch size, refilled every step, as the clean batches are.
        Map<Integer, Tensor> noisyBuffers = new HashMap<>();
        EpochTrainer trainer = new EpochTrainer(NAME, context, networks.parameters(), params.optimizer(), params.epochs(),
                params.batchSize(), List.of("loss"));
        trainer.run(new ImageBatches(data, image, 0), data.rows(), (batch, pass) -> {
            Tensor input = batch.images();
            if (noise.isActive()) {
                input = noisyBuffers.computeIfAbsent(batch.rows(), rows -> Tensor.zeros(image.batch(rows)));
                noise.apply(TensorStorage.data(batch.images()), TensorStorage.data(input), input.size(), pass.rng());
            }
            Tensor logits = networks.decodeLogits(networks.encode(input, pass), pass);
            Tensor reconstruction = PixelLosses.sum(pixelLoss, logits, batch.images());
            return new EpochTrainer.Result(reconstruction.div(batch.rows()), new double[] {reconstruction.item()});
        });
        networks.dropGradients();
        return new AutoencoderModel(data.schema(), params, image, networks);
    }

    /**
     * The networks a fit builds for {@code schema}'s images, untrained (weights from seed 0, which do
     * not show), part by part: {@code encoder.*} (ending in the latent head), then {@code decoder.*};
     * all parameters are trainable.
     *
     * @throws IllegalArgumentException if the samples are not images with 1 or 3 channels or the
     *                                  layers do not fit
     */
    @Override
    public Summary summary(Schema schema) {
        AutoencoderNetworks networks = AutoencoderNetworks.build(params, ImageShape.of(NAME, schema), new Rng(0));
        return NetworkSummary.ofParts(networks.namedLayers());
    }

    @Override
    public String toString() {
        return "Autoencoder[latent " + params.latentDim() + (params.corruption().isActive()
                ? ", denoising " + params.noise() + " " + params.noiseLevel() : "") + "]";
    }
}
