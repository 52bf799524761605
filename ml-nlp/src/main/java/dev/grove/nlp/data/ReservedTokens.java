package dev.grove.nlp.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The reserved tokens of a text source's vocabulary, which take the first ids: the ones the
 * experiment lists ({@code reserved}) in their order, then the source's own ({@code <pad>},
 * {@code </s>}) that the list does not already hold. Two sources given the same list and settings
 * number their tokens alike.
 */
final class ReservedTokens {

    private ReservedTokens() {
    }

    /** {@code listed}, then each of {@code own} not among them. */
    static List<String> of(List<String> listed, String... own) {
        List<String> head = new ArrayList<>(listed);
        for (String token : own) {
            if (!head.contains(token)) {
                head.add(token);
            }
        }
        return head;
    }
}
