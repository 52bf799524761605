package dev.grove.nlp.text;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The {@code word} tokenizer: a hand-written scanner (no regular expressions) that cuts text into
 * words, numbers and punctuation marks.
 *
 * <p>Rules, applied to Unicode code points:
 * <ul>
 *   <li>White space separates tokens and is never part of one. A line break ({@code '\n'}) becomes
 *       the token {@value Tokenizer#LINE_END} when line breaks are kept, and is white space
 *       otherwise; {@code '\r'} is always white space.</li>
 *   <li>A word is a run of letters, digits and combining marks. Inside it (with a letter or digit on
 *       both sides) an apostrophe ({@code '} or {@code ’}) and a hyphen ({@code -}) join the two
 *       parts into one word: {@code don't}, {@code o'clock}, {@code well-known}, {@code covid-19}. A
 *       point or comma between two digits belongs to the number: {@code 3.14}, {@code 1,000}. An
 *       apostrophe at the start or end of a word ({@code 'tis}, {@code dogs'}) is punctuation, as is
 *       a double hyphen ({@code word--word}).</li>
 *   <li>Every other code point is a punctuation mark. {@code punctuation: split} makes each mark its
 *       own token ({@code "..."} gives three {@code "."} tokens), {@code strip} drops it, and
 *       {@code keep} leaves it attached: the text is then cut at white space only
 *       ({@code "hello,"} stays one token).</li>
 *   <li>With {@code lowercase}, each token is lower-cased with {@link Locale#ROOT} rules.</li>
 * </ul>
 * {@link #join} puts one space between tokens and turns {@value Tokenizer#LINE_END} into a line break.
 */
public final class WordTokenizer implements Tokenizer {

    /** What the {@code word} tokenizer does with punctuation marks. */
    public enum Punctuation {
        /** Each mark is a token of its own. */
        SPLIT,
        /** Marks are dropped. */
        STRIP,
        /** Marks stay attached: tokens are the white-space separated runs of the text. */
        KEEP;

        /** The names as params write them. */
        public static final String[] NAMES = {"split", "strip", "keep"};

        /** The value {@code name} (split, strip or keep) stands for. */
        public static Punctuation named(String name) {
            return switch (name) {
                case "split" -> SPLIT;
                case "strip" -> STRIP;
                case "keep" -> KEEP;
                default -> throw new IllegalArgumentException("punctuation must be one of split, strip, keep, got '"
                        + name + "'");
            };
        }

        /** The name as params write it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final boolean lowercase;
    private final Punctuation punctuation;
    private final boolean keepLineBreaks;

    /**
     * A word tokenizer.
     *
     * @param lowercase      whether tokens are lower-cased
     * @param punctuation    what happens to punctuation marks
     * @param keepLineBreaks whether each line break becomes the token {@value Tokenizer#LINE_END}
     */
    public WordTokenizer(boolean lowercase, Punctuation punctuation, boolean keepLineBreaks) {
        this.lowercase = lowercase;
        this.punctuation = Objects.requireNonNull(punctuation, "punctuation");
        this.keepLineBreaks = keepLineBreaks;
    }

    /** The defaults: lower-cased, punctuation split, line breaks kept. */
    public static WordTokenizer standard() {
        return new WordTokenizer(true, Punctuation.SPLIT, true);
    }

    @Override
    public String name() {
        return "word";
    }

    /** Whether tokens are lower-cased. */
    public boolean lowercase() {
        return lowercase;
    }

    /** What happens to punctuation marks. */
    public Punctuation punctuation() {
        return punctuation;
    }

    /** Whether line breaks become {@value Tokenizer#LINE_END} tokens. */
    public boolean keepsLineBreaks() {
        return keepLineBreaks;
    }

    @Override
    public void tokenize(CharSequence text, Consumer<String> sink) {
        String s = text.toString();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                if (keepLineBreaks) {
                    sink.accept(LINE_END);
                }
                i++;
            } else if (TextChars.isSpace(c)) {
                i++;
            } else if (punctuation == Punctuation.KEEP) {
                int end = i + 1;
                while (end < n && !TextChars.isSpace(s.charAt(end))) {
                    end++;
                }
                emit(s, i, end, sink);
                i = end;
            } else {
                int cp = s.codePointAt(i);
                if (TextChars.isWordPart(cp)) {
                    int end = wordEnd(s, i);
                    emit(s, i, end, sink);
                    i = end;
                } else {
                    int next = i + Character.charCount(cp);
                    if (punctuation == Punctuation.SPLIT) {
                        emit(s, i, next, sink);
                    }
                    i = next;
                }
            }
        }
    }

    /** Where the word starting at {@code start} (a word part) ends, following the joining rules above. */
    private static int wordEnd(String s, int start) {
        int n = s.length();
        int j = start;
        int previous = -1;
        while (j < n) {
            int cp = s.codePointAt(j);
            if (TextChars.isWordPart(cp)) {
                previous = cp;
                j += Character.charCount(cp);
                continue;
            }
            if (j + 1 >= n || !joins(previous, cp, s.codePointAt(j + 1))) {
                break;
            }
            previous = cp;
            j++;
        }
        return j;
    }

    /** Whether the one-char connector {@code cp} between {@code before} and {@code after} is inside a word. */
    private static boolean joins(int before, int cp, int after) {
        if (!TextChars.isWordPart(after)) {
            return false;
        }
        return switch (cp) {
            case '\'', '\u2019', '-' -> true;
            case '.', ',' -> Character.isDigit(before) && Character.isDigit(after);
            default -> false;
        };
    }

    private void emit(String s, int start, int end, Consumer<String> sink) {
        String token = s.substring(start, end);
        sink.accept(lowercase ? token.toLowerCase(Locale.ROOT) : token);
    }

    @Override
    public String join(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        boolean lineStart = true;
        for (String token : tokens) {
            if (token.equals(LINE_END)) {
                sb.append('\n');
                lineStart = true;
            } else {
                if (!lineStart) {
                    sb.append(' ');
                }
                sb.append(token);
                lineStart = false;
            }
        }
        return sb.toString();
    }

    @Override
    public TokenizerState state() {
        return new TokenizerState(name(), Map.of(TokenizerState.LOWERCASE, Boolean.toString(lowercase),
                TokenizerState.PUNCTUATION, punctuation.label(), TokenizerState.LINE_BREAKS,
                TokenizerState.lineBreaks(keepLineBreaks)), List.of());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WordTokenizer other && lowercase == other.lowercase && punctuation == other.punctuation
                && keepLineBreaks == other.keepLineBreaks;
    }

    @Override
    public int hashCode() {
        return punctuation.hashCode() * 4 + (lowercase ? 2 : 0) + (keepLineBreaks ? 1 : 0);
    }

    @Override
    public String toString() {
        return "word tokenizer (lowercase " + lowercase + ", punctuation " + punctuation.label() + ", line breaks "
                + TokenizerState.lineBreaks(keepLineBreaks) + ")";
    }
}
