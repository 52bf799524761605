package dev.grove.api.data;

/** Row indices of a dataset assigned to training, validation (possibly empty) and test (possibly empty). */
public record Split(int[] train, int[] validation, int[] test) {

    /** Copies the index arrays. */
    public Split {
        train = train.clone();
        validation = validation.clone();
        test = test.clone();
    }

    /** A train/test split without validation rows. */
    public static Split of(int[] train, int[] test) {
        return new Split(train, new int[0], test);
    }
}
