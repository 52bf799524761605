package dev.grove.nlp.features;

/** Reads a feature value as a token id, refusing values that are not ids of the vocabulary. */
final class TokenIds {

    private TokenIds() {
    }

    /**
     * The id {@code value} holds.
     *
     * @throws IllegalArgumentException if it is not a whole number in [0, size), naming the row
     */
    static int check(float value, int size, int row) {
        int id = (int) value;
        if (id != value || id < 0 || id >= size) {
            throw new IllegalArgumentException(BagOfWords.NAME + ": row " + (row + 1) + " holds " + value
                    + ", which is not a token id of the vocabulary of " + size + " tokens");
        }
        return id;
    }
}
