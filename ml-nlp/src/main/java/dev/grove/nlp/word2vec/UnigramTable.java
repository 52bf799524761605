package dev.grove.nlp.word2vec;

/**
 * The noise distribution of negative sampling: word i drawn with probability proportional to
 * count_i^0.75 (word2vec.c, gensim's ns_exponent), as a table of one entry per word in Walker's
 * alias form. Drawing slot i uniformly, then keeping i with probability {@code keep[i]} and
 * otherwise taking {@code alias[i]}, samples the distribution exactly, in one lookup.
 *
 * <p>word2vec.c instead fills 10^8 slots with word ids in proportion to their shares (400 MB, and
 * a rounding of each share to whole slots); gensim bisects a cumulative table. Both sample the same
 * distribution; this table is exact and, at 8 bytes a word (240 KB for 30,000 words), stays in the
 * core's cache, which matters because five draws are made for every trained pair.
 */
final class UnigramTable {

    /** The exponent of the smoothed unigram distribution. */
    static final double POWER = 0.75;
    /** Keep probabilities are stored as whole numbers out of 2^31. */
    static final long ONE = 1L << 31;

    /** Entry i: keep threshold (out of {@link #ONE}) in the high 32 bits, alias word in the low 32. */
    private final long[] entries;

    private UnigramTable(long[] entries) {
        this.entries = entries;
    }

    /** The table for words with the given counts (at least one, all positive). */
    static UnigramTable of(long[] counts) {
        int n = counts.length;
        double total = 0;
        for (long count : counts) {
            total += Math.pow(count, POWER);
        }
        // Vose's construction: each slot holds a share n·p_i < 1 of its own word, topped up to 1 by a
        // word with a surplus; stacks are worked in a fixed order, so the table is deterministic.
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = Math.pow(counts[i], POWER) / total * n;
            if (scaled[i] < 1) {
                small[smallCount++] = i;
            } else {
                large[largeCount++] = i;
            }
        }
        double[] keep = new double[n];
        int[] alias = new int[n];
        while (smallCount > 0 && largeCount > 0) {
            int lacking = small[--smallCount];
            int surplus = large[--largeCount];
            keep[lacking] = scaled[lacking];
            alias[lacking] = surplus;
            scaled[surplus] += scaled[lacking] - 1;
            if (scaled[surplus] < 1) {
                small[smallCount++] = surplus;
            } else {
                large[largeCount++] = surplus;
            }
        }
        // What is left holds (up to rounding) exactly one share: it keeps its own word.
        while (largeCount > 0) {
            keep[large[--largeCount]] = 1;
        }
        while (smallCount > 0) {
            keep[small[--smallCount]] = 1;
        }
        long[] entries = new long[n];
        for (int i = 0; i < n; i++) {
            long threshold = Math.round(keep[i] * ONE);
            entries[i] = threshold << 32 | (alias[i] & 0xFFFF_FFFFL);
        }
        return new UnigramTable(entries);
    }

    /** Number of words. */
    int size() {
        return entries.length;
    }

    /** The probability that {@link #draw} returns {@code word}: its own slot's kept share plus what other slots hand it. */
    double probability(int word) {
        double p = 0;
        for (int i = 0; i < entries.length; i++) {
            double kept = (double) (entries[i] >>> 32) / ONE;
            if (i == word) {
                p += kept;
            }
            if ((int) entries[i] == word) {
                p += 1 - kept;
            }
        }
        return p / entries.length;
    }

    /**
     * A word drawn with 64 random bits: the high 32 pick the slot, the low 31 decide between the
     * slot's word and its alias.
     */
    int draw(long random) {
        int slot = (int) (((random >>> 32) * entries.length) >>> 32);
        long entry = entries[slot];
        return (random & (ONE - 1)) < (entry >>> 32) ? slot : (int) entry;
    }
}
