package dev.grove.classical.cluster;

/** The E-step of k-means: assigns every row to its nearest centre (Lloyd's or Elkan's way). */
interface Assignment {

    /**
     * Assigns each row to its nearest centre in {@code centres} (k × features, centred coordinates),
     * also adding it to the centre sums when {@code accumulate}.
     *
     * @return how many rows changed centre
     */
    int assign(double[] centres, boolean accumulate);

    /** The centre of each row after the last {@link #assign}. */
    int[] labels();

    /** Σ‖x − c‖² of each row to the centre it was assigned to by the last {@link #assign}. */
    double inertia();

    /** Tells the assignment that the centres moved to {@code next}, centre c by Euclidean distance {@code shifts[c]}. */
    void moved(double[] next, double[] shifts);
}
