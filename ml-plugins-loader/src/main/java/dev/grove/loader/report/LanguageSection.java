package dev.grove.loader.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * What a language model's run wrote for a person to read: the text a language model generated
 * ({@value #GENERATED}) and the nearest neighbours of a few words in a word-embedding model
 * ({@value #NEIGHBOURS}), each in its own section rather than among the other files.
 */
final class LanguageSection {

    /** The text a language model generated (written by the run for a token generator). */
    static final String GENERATED = "generated.txt";
    /** A word-embedding model's nearest neighbours of a few frequent words. */
    static final String NEIGHBOURS = "neighbours.txt";
    /** The files these sections show, which the files section leaves out. */
    static final Set<String> FILES = Set.of(GENERATED, NEIGHBOURS);

    private LanguageSection() {
    }

    /** The "Generated text" section, or none when the run wrote no generated text. */
    static Optional<Page.Section> generated(RunFiles run) {
        return textFile(run, GENERATED).map(text -> new Page.Section("generated-text", "Generated text",
                Html.note("A seeded continuation of the shown split's first tokens: the same run writes the same text.")
                        + "<pre data-generated-text>" + Html.escape(text) + "</pre>\n"));
    }

    /** The "Nearest neighbours" section, or none when the model wrote none. */
    static Optional<Page.Section> neighbours(RunFiles run) {
        return textFile(run, NEIGHBOURS).map(text -> new Page.Section("neighbours", "Nearest neighbours",
                Html.note("Each word is followed by the words whose vectors point most nearly the same way (cosine similarity).")
                        + "<pre data-neighbours>" + Html.escape(text) + "</pre>\n"));
    }

    private static Optional<String> textFile(RunFiles run, String name) {
        Path file = run.directory().resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file);
            return Optional.of(text.length() <= FilesSection.MAX_TEXT ? text
                    : text.substring(0, FilesSection.MAX_TEXT) + "\n… (the rest is in the file)");
        } catch (IOException | UncheckedIOException e) {
            return Optional.of(name + " could not be read as text: " + e.getMessage());
        }
    }
}
