package dev.grove.api.preprocess;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import java.util.Arrays;
import java.util.Objects;

/**
 * Learns, per column, the value that replaces missing values (NaN, as the csv source loads empty
 * cells with {@code missing: nan}), from the column's present values, as scikit-learn's
 * SimpleImputer: the mean; the median (the mean of the two middle values for an even count); the
 * most frequent value (the smallest of equally frequent ones); or {@code fill-value}. A column
 * without any present value is an error except for strategy {@code constant}.
 */
public final class SimpleImputer implements Estimator<SimpleImputerModel> {

    private final SimpleImputerParams params;

    /** An imputer configured by {@code params}. */
    public SimpleImputer(SimpleImputerParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public SimpleImputerModel fit(Dataset data, RunContext context) {
        FitChecks.requireRows(SimpleImputerModel.NAME, data);
        int d = data.featureCount();
        double[] statistics = new double[d];
        double[] column = new double[data.rows()];
        for (int j = 0; j < d; j++) {
            if (params.strategy().equals("constant")) {
                statistics[j] = params.fillValue();
                continue;
            }
            int present = 0;
            for (int i = 0; i < data.rows(); i++) {
                double v = data.feature(i, j);
                if (!Double.isNaN(v)) {
                    column[present++] = v;
                }
            }
            if (present == 0) {
                throw new IllegalArgumentException(SimpleImputerModel.NAME + ": column '" + data.schema().featureNames().get(j)
                        + "' has no values to compute a " + params.strategy() + " from (every row is missing);"
                        + " use strategy: constant or drop the column");
            }
            statistics[j] = statistic(Arrays.copyOf(column, present));
        }
        return new SimpleImputerModel(params, data.schema(), statistics);
    }

    private double statistic(double[] values) {
        return switch (params.strategy()) {
            case "mean" -> mean(values);
            case "median" -> median(values);
            case "most-frequent" -> mostFrequent(values);
            default -> throw new IllegalStateException("strategy was validated: " + params.strategy());
        };
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** The value with the longest run in sorted order; the first (smallest) wins ties. */
    private static double mostFrequent(double[] values) {
        Arrays.sort(values);
        double best = values[0];
        int bestCount = 0;
        int runStart = 0;
        for (int i = 1; i <= values.length; i++) {
            if (i == values.length || values[i] != values[runStart]) {
                if (i - runStart > bestCount) {
                    bestCount = i - runStart;
                    best = values[runStart];
                }
                runStart = i;
            }
        }
        return best;
    }
}
