package dev.grove.nlp.attention;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;

/**
 * Params of {@code positions}, which adds position information to {@code [steps, features]}
 * samples: row t of a {@code [max-steps, features]} table is added to step t.
 *
 * @param kind     {@code learned}: a trained table drawn from N(0, 1), as PyTorch's {@code nn.Embedding(max-steps, d)};
 *                 {@code sinusoidal}: the fixed table of Vaswani et al., sin and cos of t / 10000^(2i/d)
 * @param maxSteps rows of the table, the longest sequence it takes; 0 for the input's steps
 */
public record PositionsParams(
        @Doc("learned (a trained table, N(0,1) at first) or sinusoidal (the fixed sin/cos table)")
        @Default("learned") @OneOf({"learned", "sinusoidal"}) String kind,
        @Doc("Rows of the table, the longest sequence it takes; 0 for the input's steps") @Default("0") @Min(0) int maxSteps) {

    /** Validates every param. */
    public PositionsParams {
        Params.oneOf("kind", kind, "learned", "sinusoidal");
        Params.atLeast("max-steps", maxSteps, 0, false);
    }

    /** The {@code kind} table with as many rows as the input has steps. */
    public static PositionsParams of(String kind) {
        return new PositionsParams(kind, 0);
    }

    /** Whether the table is trained. */
    boolean learned() {
        return kind.equals("learned");
    }
}
