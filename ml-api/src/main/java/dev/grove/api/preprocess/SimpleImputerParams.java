package dev.grove.api.preprocess;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;

/**
 * Params of the {@code simple-imputer} transformer.
 *
 * @param strategy  what replaces a missing value: the column's mean, median, most frequent value, or a constant
 * @param fillValue the constant of strategy {@code constant}
 */
public record SimpleImputerParams(
        @Doc("what replaces a missing (NaN) value: the column's mean, median, most-frequent value, or fill-value")
        @Default("mean") @OneOf({"mean", "median", "most-frequent", "constant"}) String strategy,
        @Doc("the value used by strategy constant")
        @Default("0.0") double fillValue) {

    /** Validates the strategy and fill value. */
    public SimpleImputerParams {
        Params.oneOf("strategy", strategy, "mean", "median", "most-frequent", "constant");
        if (!Double.isFinite(fillValue)) {
            throw new IllegalArgumentException("fill-value must be a finite number, got " + fillValue);
        }
    }

    /** Mean imputation. */
    public static SimpleImputerParams defaults() {
        return new SimpleImputerParams("mean", 0.0);
    }
}
