package dev.grove.api.preprocess;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.Transformer;

/** A fitted imputer: each NaN becomes its column's learned value. The state holds the array {@code statistics}. */
public final class SimpleImputerModel implements Transformer {

    static final String NAME = "simple-imputer";

    private final SimpleImputerParams params;
    private final Schema schema;
    private final double[] statistics;

    SimpleImputerModel(SimpleImputerParams params, Schema schema, double[] statistics) {
        this.params = params;
        this.schema = schema;
        this.statistics = statistics;
    }

    /**
     * Rebuilds a fitted imputer from its saved state.
     *
     * @throws IllegalArgumentException if the array is missing, has the wrong length or holds a non-finite value
     */
    public static SimpleImputerModel restore(SimpleImputerParams params, Schema schema, ModelState state) {
        double[] statistics = state.doubles("statistics", schema.featureCount());
        for (int j = 0; j < statistics.length; j++) {
            if (!Double.isFinite(statistics[j])) {
                throw new IllegalArgumentException(NAME + " state: column '" + schema.featureNames().get(j)
                        + "' has fill value " + statistics[j] + "; expected a finite number");
            }
        }
        return new SimpleImputerModel(params, schema, statistics);
    }

    /** The params it was fitted with. */
    public SimpleImputerParams params() {
        return params;
    }

    /** The value that replaces a missing value, per column. */
    public double[] statistics() {
        return statistics.clone();
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ModelState state() {
        return ModelState.builder().put("statistics", statistics).build();
    }

    @Override
    public Dataset transform(Dataset data) {
        checkColumns(data);
        double[] x = data.featureMatrix();
        int d = statistics.length;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                x[i] = statistics[i % d];
            }
        }
        return data.withFeatures(x, schema.featureNames());
    }
}
