package dev.grove.nlp.word2vec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Gives each distinct token (a run of UTF-8 bytes) an id, in order of first appearance, without
 * building a String per occurrence: an open-addressing hash table over the token bytes, which are
 * kept once in a byte pool. Only a token's first occurrence is decoded to a String.
 */
final class TokenInterner {

    private byte[] pool = new byte[1 << 16];
    private int poolSize;
    private int[] starts = new int[1024];
    private int[] lengths = new int[1024];
    private int[] hashes = new int[1024];
    private String[] words = new String[1024];
    private long[] counts = new long[1024];
    private int size;
    /** Slot → id + 1, or 0 when empty; the length is a power of two kept at least twice {@link #size}. */
    private int[] slots = new int[2048];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    /**
     * The id of the token {@code bytes[offset, offset + length)}, counting one more occurrence.
     *
     * @throws CharacterCodingException if a new token is not valid UTF-8
     */
    int intern(byte[] bytes, int offset, int length) throws CharacterCodingException {
        int hash = hash(bytes, offset, length);
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                int id = add(bytes, offset, length, hash);
                slots[slot] = id + 1;
                if (2 * size > slots.length) {
                    rehash();
                }
                return id;
            }
            int id = entry - 1;
            if (hashes[id] == hash && lengths[id] == length
                    && Arrays.equals(pool, starts[id], starts[id] + length, bytes, offset, offset + length)) {
                counts[id]++;
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The distinct tokens by id. */
    String[] words() {
        return Arrays.copyOf(words, size);
    }

    /** How often each token occurred, by id. */
    long[] counts() {
        return Arrays.copyOf(counts, size);
    }

    private int add(byte[] bytes, int offset, int length, int hash) throws CharacterCodingException {
        String word = decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        if (size == starts.length) {
            int capacity = 2 * size;
            starts = Arrays.copyOf(starts, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
            hashes = Arrays.copyOf(hashes, capacity);
            words = Arrays.copyOf(words, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
        while (poolSize + length > pool.length) {
            pool = Arrays.copyOf(pool, 2 * pool.length);
        }
        System.arraycopy(bytes, offset, pool, poolSize, length);
        starts[size] = poolSize;
        lengths[size] = length;
        hashes[size] = hash;
        words[size] = word;
        counts[size] = 1;
        poolSize += length;
        return size++;
    }

    private void rehash() {
        int[] larger = new int[2 * slots.length];
        int mask = larger.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes[id] & mask;
            while (larger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            larger[slot] = id + 1;
        }
        slots = larger;
    }

    /** FNV-1a over the bytes, then a final mix so that the low bits (the slot) depend on every byte. */
    private static int hash(byte[] bytes, int offset, int length) {
        int h = 0x811c9dc5;
        for (int i = offset; i < offset + length; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        return h ^ (h >>> 13);
    }
}
