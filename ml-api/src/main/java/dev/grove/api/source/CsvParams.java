package dev.grove.api.source;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Params of the {@code csv} data source. Either {@code path} (one file, split by the run) or both
 * {@code train} and {@code test} (a fixed pair) must be given. Absent optional strings are null
 * (written {@code null} in YAML, the default); blank strings count as absent.
 *
 * @param path      the CSV file
 * @param train     the training file of a fixed train/test pair
 * @param test      the test file of a fixed train/test pair
 * @param target    the target column, or null for unlabelled data
 * @param features  the feature columns in the order wanted; empty means every column but the target, in file order
 * @param task      auto, classification or regression
 * @param delimiter the field separator, one character
 * @param missing   what an empty feature cell is: an error, or NaN for an imputer to fill
 */
public record CsvParams(
        @Doc("the CSV file (header row required); give either path or train and test")
        @Default("null") String path,
        @Doc("training file of a fixed train/test pair (needs test; path must then be absent)")
        @Default("null") String train,
        @Doc("test file of a fixed train/test pair (needs train)")
        @Default("null") String test,
        @Doc("target column; absent for unlabelled data")
        @Default("null") String target,
        @Doc("feature columns, in the order wanted; empty means every column but the target, in file order")
        @Default("[]") List<String> features,
        @Doc("auto: classification if any target value is not a number or the target has at most 20 distinct"
                + " values that are all integers, else regression")
        @Default("auto") @OneOf({"auto", "classification", "regression"}) String task,
        @Doc("field separator, one character")
        @Default("\",\"") String delimiter,
        @Doc("an empty feature cell: error, or nan (loaded as NaN, for simple-imputer)")
        @Default("error") @OneOf({"error", "nan"}) String missing) {

    /** Validates the combination of params; blank strings become null. */
    public CsvParams {
        path = absentIfBlank(path);
        train = absentIfBlank(train);
        test = absentIfBlank(test);
        target = absentIfBlank(target);
        if (path != null && (train != null || test != null)) {
            throw new IllegalArgumentException("path must be absent when train and test are given, got path '" + path
                    + "' and " + (train != null ? "train '" + train + "'" : "test '" + test + "'"));
        }
        if (path == null && (train == null) != (test == null)) {
            throw new IllegalArgumentException((train == null ? "train" : "test") + " is required together with "
                    + (train == null ? "test" : "train") + " (a fixed train/test pair needs both files)");
        }
        if (path == null && train == null) {
            throw new IllegalArgumentException("path is required unless train and test are given");
        }
        features = checkFeatures(features, target);
        Params.oneOf("task", task, "auto", "classification", "regression");
        if (target == null && !task.equals("auto")) {
            throw new IllegalArgumentException("task " + task + " needs a target column; set target");
        }
        if (delimiter == null || delimiter.length() != 1 || "\"\r\n".contains(delimiter)) {
            throw new IllegalArgumentException("delimiter must be one character other than a quote or a line break, got "
                    + (delimiter == null ? "nothing" : "'" + delimiter + "'"));
        }
        Params.oneOf("missing", missing, "error", "nan");
    }

    /** One file with a target column (null for none); everything else at its default. */
    public static CsvParams of(String path, String target) {
        return new CsvParams(path, null, null, target, List.of(), "auto", ",", "error");
    }

    /** A fixed train/test pair with a target column; everything else at its default. */
    public static CsvParams trainTest(String train, String test, String target) {
        return new CsvParams(null, train, test, target, List.of(), "auto", ",", "error");
    }

    /** These params with another task. */
    public CsvParams withTask(String newTask) {
        return new CsvParams(path, train, test, target, features, newTask, delimiter, missing);
    }

    /** These params with other feature columns. */
    public CsvParams withFeatures(List<String> newFeatures) {
        return new CsvParams(path, train, test, target, newFeatures, task, delimiter, missing);
    }

    /** These params with another delimiter. */
    public CsvParams withDelimiter(String newDelimiter) {
        return new CsvParams(path, train, test, target, features, task, newDelimiter, missing);
    }

    /** These params with another treatment of empty cells. */
    public CsvParams withMissing(String newMissing) {
        return new CsvParams(path, train, test, target, features, task, delimiter, newMissing);
    }

    /** The delimiter character. */
    public char delimiterChar() {
        return delimiter.charAt(0);
    }

    private static String absentIfBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<String> checkFeatures(List<String> features, String target) {
        if (features == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (String f : features) {
            if (f == null || f.isBlank()) {
                throw new IllegalArgumentException("features must not contain blank names, got " + features);
            }
            if (!seen.add(f)) {
                throw new IllegalArgumentException("features lists '" + f + "' twice");
            }
            if (f.equals(target)) {
                throw new IllegalArgumentException("features must not include the target column '" + f + "'");
            }
        }
        return List.copyOf(features);
    }
}
