package dev.grove.nlp.word2vec;

import java.util.List;

/** Small handmade word vectors whose similarities can be worked out by hand. */
final class HandVectors {

    private HandVectors() {
    }

    /**
     * king (2, 0, 1), queen (1, 1, 1), man (1, 0, 0), woman (0, 1, 0), apple (0, 0, 1), banana
     * (0, −1, 0), and "King" (−0.1, 1, 0.45), which upper-cases like king.
     */
    static WordVectors royalty() {
        return new WordVectors(List.of("king", "queen", "man", "woman", "apple", "banana", "King"), new float[] {
            2, 0, 1,
            1, 1, 1,
            1, 0, 0,
            0, 1, 0,
            0, 0, 1,
            0, -1, 0,
            -0.1f, 1, 0.45f}, 3);
    }
}
