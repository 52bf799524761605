package dev.grove.nlp.sequence;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code patches}.
 *
 * @param size the side of each square patch, in pixels
 */
public record PatchesParams(@Doc("Side of each square patch in pixels; it must divide the image's height and width")
                            @Default("4") @Min(1) int size) {

    /** Validates. */
    public PatchesParams {
        Params.atLeast("size", size, 1, false);
    }
}
