package dev.grove.classical.tree;

/**
 * The {@code max-features} param: how many features each split examines. {@code all}, {@code sqrt}
 * and {@code log2} of the feature count (at least 1), {@code auto} (sqrt for class targets, all for
 * numeric ones, as scikit-learn's forests), a count such as {@code 10}, or a fraction of the
 * features such as {@code 0.5} (written with a decimal point).
 */
final class MaxFeatures {

    private MaxFeatures() {
    }

    /** Checks the text of the param; returns it. */
    static String check(String name, String spec) {
        if (spec != null) {
            switch (spec) {
                case "auto", "all", "sqrt", "log2" -> {
                    return spec;
                }
                default -> {
                    if (parsesAsCountOrFraction(spec)) {
                        return spec;
                    }
                }
            }
        }
        throw new IllegalArgumentException(name + " must be auto, all, sqrt, log2, a count >= 1 or a fraction in (0, 1], got '"
                + spec + "'");
    }

    private static boolean parsesAsCountOrFraction(String spec) {
        try {
            if (spec.contains(".")) {
                double fraction = Double.parseDouble(spec);
                return fraction > 0 && fraction <= 1;
            }
            return Integer.parseInt(spec) >= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The number of features a split examines for data with {@code features} columns.
     *
     * @throws IllegalArgumentException if a count exceeds the number of features
     */
    static int resolve(String component, String spec, int features, boolean classTarget) {
        return switch (spec) {
            case "all" -> features;
            case "sqrt" -> Math.max(1, (int) Math.sqrt(features));
            case "log2" -> Math.max(1, (int) (Math.log(features) / Math.log(2)));
            case "auto" -> classTarget ? Math.max(1, (int) Math.sqrt(features)) : features;
            default -> {
                if (spec.contains(".")) {
                    yield Math.max(1, (int) (Double.parseDouble(spec) * features));
                }
                int count = Integer.parseInt(spec);
                if (count > features) {
                    throw new IllegalArgumentException(component + ": max-features is " + count + " but the data has only "
                            + features + " features");
                }
                yield count;
            }
        };
    }
}
