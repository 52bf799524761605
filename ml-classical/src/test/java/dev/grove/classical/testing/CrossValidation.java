package dev.grove.classical.testing;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import java.util.List;

/** Cross-validated accuracy of a classifier, optionally standardising with each fold's training rows only. */
public final class CrossValidation {

    private CrossValidation() {
    }

    /** Share of rows classified correctly when each is predicted by the model fitted without its fold. */
    public static double accuracy(Estimator<? extends Classifier> estimator, Dataset data, List<int[][]> folds,
                                  boolean standardise) {
        return (double) correct(estimator, data, folds, standardise) / data.rows();
    }

    /** How many rows are classified correctly when each is predicted by the model fitted without its fold. */
    public static int correct(Estimator<? extends Classifier> estimator, Dataset data, List<int[][]> folds,
                              boolean standardise) {
        int correct = 0;
        for (int[][] fold : folds) {
            Dataset train = data.view(fold[0]);
            Dataset test = data.view(fold[1]);
            if (standardise) {
                // The golden rule: the scaler learns from the training rows of the fold only.
                Standardiser scaler = Standardiser.fit(train);
                train = scaler.apply(train);
                test = scaler.apply(test);
            }
            int[] predicted = estimator.fit(train, RunContext.withSeed(0)).predict(test.withoutTargets());
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] == test.label(i)) {
                    correct++;
                }
            }
        }
        return correct;
    }
}
