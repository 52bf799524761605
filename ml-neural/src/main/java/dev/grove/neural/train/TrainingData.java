package dev.grove.neural.train;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Split;
import dev.grove.api.data.Splits;
import dev.grove.api.run.RunContext;
import java.util.Arrays;

/**
 * The rows a run trains on and the rows it validates on (null for none): the validation set the
 * caller gave, or else a seeded hold-out of {@code train.validation} of the training rows
 * (stratified by class for classification), which are then never trained on; for next-token
 * training on a token stream ({@code train.sequence}) the hold-out is the stream's last tokens.
 */
record TrainingData(Dataset train, Dataset validation) {

    /**
     * Checks the data and resolves the validation rows.
     *
     * @throws IllegalArgumentException if the data has no rows or no targets, or the validation set
     *                                  does not match the training data
     */
    static TrainingData resolve(TrainParams params, Dataset train, Dataset validation, RunContext context) {
        // Masked-token training on rows of token ids learns from the tokens themselves.
        boolean ownTargets = params.mask() > 0 && params.sequence() == 0;
        if (!ownTargets) {
            requireTargets("training", train);
        }
        if (train.rows() == 0) {
            throw new IllegalArgumentException("train: the training data has no rows");
        }
        if (validation != null) {
            if (!ownTargets) {
                requireTargets("validation", validation);
            }
            if (validation.featureCount() != train.featureCount()
                    || !validation.schema().classLabels().equals(train.schema().classLabels())) {
                throw new IllegalArgumentException("train: the validation data (" + validation.featureCount()
                        + " features, classes " + validation.schema().classLabels() + ") does not match the training data ("
                        + train.featureCount() + " features, classes " + train.schema().classLabels() + ")");
            }
            return new TrainingData(train, validation.rows() == 0 ? null : validation);
        }
        if (params.validation() == 0) {
            return new TrainingData(train, null);
        }
        if (params.sequence() > 0) {
            return heldOutByPosition(train, params.validation());
        }
        boolean stratify = train.schema().isClassification() && train.hasTargets();
        Split split = Splits.split(train, 0, params.validation(), stratify, true, context.rng("validation-split"));
        if (split.validation().length == 0) {
            throw new IllegalArgumentException("train.validation " + params.validation() + " of " + train.rows()
                    + " training rows holds out no row; use a larger fraction or give the run a validation split");
        }
        return new TrainingData(train.view(split.train()), train.view(split.validation()));
    }

    /** A token stream keeps its order: the last {@code fraction} of its tokens validate, the rest train. */
    private static TrainingData heldOutByPosition(Dataset stream, double fraction) {
        int validationRows = (int) Math.round(stream.rows() * fraction);
        if (validationRows == 0 || validationRows == stream.rows()) {
            throw new IllegalArgumentException("train.validation " + fraction + " of a stream of " + stream.rows()
                    + " tokens leaves " + (validationRows == 0 ? "no token to validate on" : "no token to train on"));
        }
        int trainRows = stream.rows() - validationRows;
        int[] first = new int[trainRows];
        Arrays.setAll(first, i -> i);
        int[] last = new int[validationRows];
        Arrays.setAll(last, i -> trainRows + i);
        return new TrainingData(stream.view(first), stream.view(last));
    }

    private static void requireTargets(String which, Dataset data) {
        if (!data.hasTargets()) {
            throw new IllegalArgumentException("train: the " + which + " data has no target column; a network trains on"
                    + " class labels or values (set the data source's target)");
        }
    }
}
