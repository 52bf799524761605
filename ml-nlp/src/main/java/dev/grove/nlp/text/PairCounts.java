package dev.grove.nlp.text;

import java.util.Arrays;

/**
 * A hash map from a pair of symbol ids (packed in a long) to a long value, with open addressing
 * and linear probing over primitive arrays: no boxing, and {@link #forEach} walks two arrays, which
 * is what makes scanning all pairs for the most frequent one cheap. Keys are mixed before hashing,
 * since packed pairs of small ids differ only in a few bits. Removing an entry shifts the entries
 * after it back, so the table holds only live entries and needs no tombstones.
 */
final class PairCounts {

    /** Marks an empty slot; no pair packs to it, as symbol ids are never negative. */
    private static final long EMPTY = -1L;

    private long[] keys;
    private long[] values;
    private int size;
    private int mask;

    /** An empty map. */
    PairCounts() {
        keys = new long[1024];
        values = new long[1024];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
    }

    /** What {@link #forEach} calls for each entry. */
    @FunctionalInterface
    interface EntryVisitor {
        /** Visits the entry {@code key → value}. */
        void visit(long key, long value);
    }

    /** The packed key of the pair ({@code left}, {@code right}). */
    static long pair(int left, int right) {
        return (long) left << 32 | right & 0xffffffffL;
    }

    /** The left symbol of a packed pair. */
    static int left(long pair) {
        return (int) (pair >>> 32);
    }

    /** The right symbol of a packed pair. */
    static int right(long pair) {
        return (int) pair;
    }

    /** The value of {@code key}, or {@code absent} when there is none. */
    long get(long key, long absent) {
        int slot = find(key);
        return keys[slot] == EMPTY ? absent : values[slot];
    }

    /** Sets the value of {@code key}. */
    void put(long key, long value) {
        int slot = find(key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            size++;
            values[slot] = value;
            growIfFull();
        } else {
            values[slot] = value;
        }
    }

    /** Adds {@code delta} to the value of {@code key} (0 when absent); removes the entry when the sum is 0. */
    void add(long key, long delta) {
        int slot = find(key);
        if (keys[slot] == EMPTY) {
            if (delta != 0) {
                keys[slot] = key;
                values[slot] = delta;
                size++;
                growIfFull();
            }
            return;
        }
        values[slot] += delta;
        if (values[slot] == 0) {
            removeAt(slot);
        }
    }

    /** Removes {@code key}'s entry, if any. */
    void remove(long key) {
        int slot = find(key);
        if (keys[slot] != EMPTY) {
            removeAt(slot);
        }
    }

    /** Calls {@code visitor} for each entry, in table order. */
    void forEach(EntryVisitor visitor) {
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != EMPTY) {
                visitor.visit(keys[slot], values[slot]);
            }
        }
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int find(long key) {
        int slot = hash(key) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Empties {@code slot} and moves later entries of its probe run back so that every entry stays findable. */
    private void removeAt(int slot) {
        size--;
        int gap = slot;
        int next = (gap + 1) & mask;
        while (keys[next] != EMPTY) {
            int home = hash(keys[next]) & mask;
            // The entry at next may fill the gap unless its home lies cyclically in (gap, next].
            boolean homeBetween = gap <= next ? gap < home && home <= next : gap < home || home <= next;
            if (!homeBetween) {
                keys[gap] = keys[next];
                values[gap] = values[next];
                gap = next;
            }
            next = (next + 1) & mask;
        }
        keys[gap] = EMPTY;
        values[gap] = 0;
    }

    private void growIfFull() {
        if (size * 2 <= keys.length) {
            return;
        }
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    /** The finalizer of MurmurHash3's 64-bit hash: spreads every key bit over the slot bits. */
    private static int hash(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
