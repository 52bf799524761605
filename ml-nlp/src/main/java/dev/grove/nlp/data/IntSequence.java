package dev.grove.nlp.data;

import java.util.Arrays;

/** A growable sequence of ints: the token indices of a text, without boxing. */
final class IntSequence {

    private int[] values = new int[1024];
    private int size;

    /** Appends {@code v}. */
    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
    }

    /** The number of values. */
    int size() {
        return size;
    }

    /** The value at {@code index}. */
    int get(int index) {
        return values[index];
    }

    /** The values from {@code from} (inclusive) to {@code to} (exclusive), as a new array. */
    int[] copy(int from, int to) {
        return Arrays.copyOfRange(values, from, to);
    }
}
