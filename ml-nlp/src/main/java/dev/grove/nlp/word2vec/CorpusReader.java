package dev.grove.nlp.word2vec;

import dev.grove.neural.data.Gzip;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads a text file into a {@link Word2VecCorpus}: one sentence per line, tokens separated by ASCII
 * whitespace. The bytes are scanned directly (no regex, no String per token), so a 4-million-word
 * file loads in about a second.
 */
final class CorpusReader {

    private static final int CHUNK = 1 << 16;

    private CorpusReader() {
    }

    static Word2VecCorpus read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, Word2Vec.NAME + ": no corpus file there");
        }
        TokenInterner interner = new TokenInterner();
        IntList tokens = new IntList();
        IntList starts = new IntList();
        starts.add(0);
        byte[] chunk = new byte[CHUNK];
        byte[] token = new byte[256];
        int tokenLength = 0;
        long line = 1;
        try (InputStream in = open(file)) {
            int read;
            while ((read = in.read(chunk)) > 0) {
                for (int i = 0; i < read; i++) {
                    byte b = chunk[i];
                    if (!isSpace(b)) {
                        if (tokenLength == token.length) {
                            token = Arrays.copyOf(token, 2 * token.length);
                        }
                        token[tokenLength++] = b;
                        continue;
                    }
                    if (tokenLength > 0) {
                        tokens.add(intern(interner, token, tokenLength, file, line));
                        tokenLength = 0;
                    }
                    if (b == '\n' || b == '\r') {
                        if (tokens.size() > starts.last()) {
                            starts.add(tokens.size());
                        }
                        if (b == '\n') {
                            line++;
                        }
                    }
                }
            }
        }
        if (tokenLength > 0) {
            tokens.add(intern(interner, token, tokenLength, file, line));
        }
        if (tokens.size() > starts.last()) {
            starts.add(tokens.size());
        }
        return new Word2VecCorpus(interner.words(), interner.counts(), tokens.toArray(), starts.toArray());
    }

    private static int intern(TokenInterner interner, byte[] token, int length, Path file, long line) {
        try {
            return interner.intern(token, 0, length);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(Word2Vec.NAME + ": " + file + " line " + line
                    + " holds a word that is not valid UTF-8; the corpus must be UTF-8 text", e);
        }
    }

    /** The file's bytes, decompressed when it starts with the gzip magic number. */
    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK);
        return Gzip.startsWithMagic(in) ? new GZIPInputStream(in, CHUNK) : in;
    }

    /** Python's str.split() separators within ASCII: space, \t, \n, \v, \f, \r and 0x1C–0x1F. */
    private static boolean isSpace(byte b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0d) || (b >= 0x1c && b <= 0x1f);
    }
}
