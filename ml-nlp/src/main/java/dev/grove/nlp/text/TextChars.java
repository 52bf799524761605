package dev.grove.nlp.text;

/** Character classes the tokenizers share, with a fast path for ASCII (most of any English text). */
final class TextChars {

    /** ASCII white space: tab, line feed, vertical tab, form feed, carriage return, the file/group/record/unit separators and space. */
    private static final boolean[] ASCII_SPACE = new boolean[128];
    /** ASCII letters and digits. */
    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII_SPACE[c] = Character.isWhitespace(c);
            ASCII_WORD[c] = Character.isLetterOrDigit(c);
        }
    }

    private TextChars() {
    }

    /** Whether {@code c} is white space: {@link Character#isWhitespace} or a no-break space. */
    static boolean isSpace(char c) {
        if (c < 128) {
            return ASCII_SPACE[c];
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Whether code point {@code cp} can be part of a word: a letter, a digit or a combining mark. */
    static boolean isWordPart(int cp) {
        if (cp < 128) {
            return ASCII_WORD[cp];
        }
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
