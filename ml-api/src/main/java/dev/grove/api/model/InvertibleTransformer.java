package dev.grove.api.model;

import dev.grove.api.data.Dataset;

/** A transformer whose output can be mapped back to the original features. */
public interface InvertibleTransformer extends Transformer {

    /** Maps transformed data back; {@code inverseTransform(transform(x)) ≈ x}. */
    Dataset inverseTransform(Dataset data);
}
