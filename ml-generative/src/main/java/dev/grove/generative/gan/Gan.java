package dev.grove.generative.gan;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Estimator;
import dev.grove.api.model.Summarized;
import dev.grove.api.model.Summary;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.network.NetworkSummary;
import dev.grove.neural.network.NetworkWeights;
import dev.grove.tensor.Rng;
import java.util.List;
import java.util.Objects;

/**
 * The {@code gan} estimator: a generative adversarial network (Goodfellow et al. 2014), optionally
 * conditioned on the class (Mirza and Osindero 2014). A fit builds the generator and discriminator
 * for the data's sample shape ({@link GanNetworks}), with weights from the context's {@code init}
 * stream, trains them alternately ({@link GanTraining}) and returns a {@link GanModel}.
 *
 * <p>The training data must lie in [0, 1], as the image sources give it: the networks work on it
 * rescaled to [−1, 1], and the generator's tanh output is rescaled back for the samples.
 *
 * <pre>{@code
 * GanModel model = new Gan(GanParams.of(generatorLayers, discriminatorLayers).withConditional(true))
 *         .fit(images, RunContext.withSeed(42));
 * List<float[]> sevens = model.generate(7, 16, 1L);
 * }</pre>
 */
public final class Gan implements Estimator<GanModel>, Summarized {

    /** The component name. */
    public static final String NAME = "gan";

    private final GanParams params;

    /** An estimator with {@code params}. */
    public Gan(GanParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public GanParams params() {
        return params;
    }

    /**
     * Trains a GAN on the rows of {@code data}.
     *
     * @throws IllegalArgumentException if there are no rows, a value lies outside [0, 1], a
     *                                  conditional GAN's data has no classes, or the layers do not fit
     * @throws IllegalStateException    if a loss stops being finite (naming the epoch and step)
     */
    @Override
    public GanModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        if (data.rows() == 0) {
            throw new IllegalArgumentException("gan: the training data has no rows");
        }
        if (params.conditional() && !data.hasTargets()) {
            throw new IllegalArgumentException("gan: conditional: true needs the class of every training row, but the"
                    + " data has no targets");
        }
        checkRange(data);
        GanNetworks networks = GanNetworks.build(params, data.schema(), context.rng("init"));
        new GanTraining(networks, params, data, context).run();
        NetworkWeights.dropGradients(networks.generator());
        NetworkWeights.dropGradients(networks.discriminator());
        return new GanModel(params, data.schema(), networks);
    }

    /**
     * The networks a fit builds for {@code schema}'s samples, untrained (weights from seed 0, which
     * do not show), part by part: {@code generator.*}, then {@code discriminator.*}; all parameters
     * are trainable.
     *
     * @throws IllegalArgumentException if a conditional GAN's data has no classes or the layers do
     *                                  not fit
     */
    @Override
    public Summary summary(Schema schema) {
        GanNetworks networks = GanNetworks.build(params, schema, new Rng(0));
        return NetworkSummary.ofParts(List.of(new Layer.Child("generator", networks.generator()),
                new Layer.Child("discriminator", networks.discriminator())));
    }

    /** Checks every value is in [0, 1], the range the generator's output is mapped to. */
    private static void checkRange(Dataset data) {
        int features = data.featureCount();
        int chunk = Math.max(1, 65536 / Math.max(1, features));
        float[] values = new float[chunk * features];
        for (int from = 0; from < data.rows(); from += chunk) {
            int count = Math.min(chunk, data.rows() - from);
            int[] rows = new int[count];
            for (int i = 0; i < count; i++) {
                rows[i] = from + i;
            }
            data.rowsAsFloats(rows, values);
            for (int i = 0; i < count * features; i++) {
                if (!(values[i] >= 0f && values[i] <= 1f)) {
                    throw new IllegalArgumentException("gan: the data must lie in [0, 1] (the range generated"
                            + " samples are given in), but row " + (from + i / features) + " holds " + values[i] + " at feature "
                            + data.schema().featureNames().get(i % features) + "; scale it to [0, 1] (e.g. min-max-scaler)");
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Gan[latent-dim " + params.latentDim() + (params.conditional() ? ", conditional" : "") + "]";
    }
}
