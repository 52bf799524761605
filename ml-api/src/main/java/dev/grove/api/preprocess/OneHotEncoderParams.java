package dev.grove.api.preprocess;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Params of the {@code one-hot-encoder} transformer.
 *
 * @param columns       the numeric-coded categorical columns to encode; must be given (the default,
 *                      none, makes fit fail with a message naming the data's columns)
 * @param handleUnknown what a category not seen in fit does: error, or ignore (all indicator columns 0)
 */
public record OneHotEncoderParams(
        @Doc("the categorical columns (numeric codes) to encode; other columns pass through unchanged")
        @Default("[]") List<String> columns,
        @Doc("a value not seen in fit: error, or ignore (all of the column's indicators are 0)")
        @Default("error") @OneOf({"error", "ignore"}) String handleUnknown) {

    /** Copies the columns, which must be distinct names. */
    public OneHotEncoderParams {
        Set<String> seen = new HashSet<>();
        for (String c : columns == null ? List.<String>of() : columns) {
            if (c == null || c.isBlank()) {
                throw new IllegalArgumentException("columns must not contain blank names, got " + columns);
            }
            if (!seen.add(c)) {
                throw new IllegalArgumentException("columns lists '" + c + "' twice");
            }
        }
        columns = columns == null ? List.of() : List.copyOf(columns);
        Params.oneOf("handle-unknown", handleUnknown, "error", "ignore");
    }

    /** No columns (fit then asks for them) and unknown values as errors. */
    public static OneHotEncoderParams defaults() {
        return new OneHotEncoderParams(List.of(), "error");
    }

    /** Encodes {@code columns}, unknown values being errors. */
    public static OneHotEncoderParams of(String... columns) {
        return new OneHotEncoderParams(List.of(columns), "error");
    }

    /** These params with another treatment of unknown values. */
    public OneHotEncoderParams withHandleUnknown(String value) {
        return new OneHotEncoderParams(columns, value);
    }
}
