package dev.grove.generative.contrastive;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A phrasing of a caption or prompt with slots for the class: {@value #CLASS_SLOT} stands for the
 * class word(s) ({@code class-words}), {@value #LABEL_SLOT} for the class label as the data writes it
 * ({@code "a photo of the number {class}"}, {@code "an image of a {label}"}). A slot is always a word
 * (or words) of its own: its text is tokenized apart from the words around it.
 */
final class CaptionTemplate {

    /** The slot for the class word(s). */
    static final String CLASS_SLOT = "{class}";
    /** The slot for the class label as written in the data. */
    static final String LABEL_SLOT = "{label}";

    /** One word of a filled-in template, and whether it came from a slot (it then names the class). */
    record Word(String text, boolean fromSlot) {
    }

    /** A stretch of fixed text, or a slot (text is the slot then). */
    private record Segment(String text, boolean slot) {
    }

    private final String text;
    private final List<Segment> segments;

    private CaptionTemplate(String text, List<Segment> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    /**
     * Parses {@code text}.
     *
     * @param what what the template is, for messages (e.g. {@code "captions[2]"})
     * @throws IllegalArgumentException if it has no slot, an unknown slot or an unclosed brace
     */
    static CaptionTemplate parse(String text, String what) {
        Objects.requireNonNull(text, what);
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        boolean hasSlot = false;
        while (at < text.length()) {
            int open = text.indexOf('{', at);
            if (open < 0) {
                segments.add(new Segment(text.substring(at), false));
                break;
            }
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("clip: " + what + " '" + text + "' opens a slot at character "
                        + (open + 1) + " that is never closed; slots are " + CLASS_SLOT + " and " + LABEL_SLOT);
            }
            String slot = text.substring(open, close + 1);
            if (!slot.equals(CLASS_SLOT) && !slot.equals(LABEL_SLOT)) {
                throw new IllegalArgumentException("clip: " + what + " '" + text + "' has the unknown slot " + slot
                        + "; slots are " + CLASS_SLOT + " (the class word) and " + LABEL_SLOT + " (the label as in the data)");
            }
            segments.add(new Segment(text.substring(at, open), false));
            segments.add(new Segment(slot, true));
            hasSlot = true;
            at = close + 1;
        }
        if (!hasSlot) {
            throw new IllegalArgumentException("clip: " + what + " '" + text + "' names no class: it needs a "
                    + CLASS_SLOT + " or " + LABEL_SLOT + " slot, e.g. 'a photo of the number " + CLASS_SLOT + "'");
        }
        return new CaptionTemplate(text, segments);
    }

    /** The template as written. */
    String text() {
        return text;
    }

    /** Whether the template has a {@value #CLASS_SLOT} slot. */
    boolean usesClassWord() {
        return segments.stream().anyMatch(s -> s.slot() && s.text().equals(CLASS_SLOT));
    }

    /** Whether the template has a {@value #LABEL_SLOT} slot. */
    boolean usesLabel() {
        return segments.stream().anyMatch(s -> s.slot() && s.text().equals(LABEL_SLOT));
    }

    /** The words of the fixed text (outside the slots), in order. */
    List<String> fixedWords() {
        List<String> out = new ArrayList<>();
        for (Segment segment : segments) {
            if (!segment.slot()) {
                out.addAll(WordTokens.of(segment.text()));
            }
        }
        return out;
    }

    /** The words of the template filled in with {@code classWord} and {@code label}. */
    List<Word> words(String classWord, String label) {
        List<Word> out = new ArrayList<>();
        for (Segment segment : segments) {
            String filled = !segment.slot() ? segment.text() : segment.text().equals(CLASS_SLOT) ? classWord : label;
            for (String word : WordTokens.of(filled)) {
                out.add(new Word(word, segment.slot()));
            }
        }
        return out;
    }

    /** The template filled in, as text. */
    String fill(String classWord, String label) {
        return text.replace(CLASS_SLOT, classWord).replace(LABEL_SLOT, label);
    }

    @Override
    public String toString() {
        return text;
    }
}
