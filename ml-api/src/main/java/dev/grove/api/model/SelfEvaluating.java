package dev.grove.api.model;

import dev.grove.api.data.Dataset;
import java.util.Map;

/**
 * A model with figures of its own on a data split, beyond what predictions give: a VAE's negative
 * ELBO and its two terms, an autoencoder's reconstruction error and PSNR. A run reports them for
 * every split as {@code <split>/<name>} next to the experiment's metrics.
 */
public interface SelfEvaluating extends Model {

    /**
     * The figures on {@code data}, by kebab-case name, in the order they are reported. Deterministic:
     * any noise or sampling the figures need comes from {@code seed}.
     *
     * @throws IllegalArgumentException if the rows do not have the shape the model was trained on
     */
    Map<String, Double> evaluate(Dataset data, long seed);
}
