package dev.grove.nlp.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small real texts for the end-to-end tests: the start of tiny Shakespeare, copied into a test folder. */
final class TinyTexts {

    private TinyTexts() {
    }

    /**
     * Writes the first {@code chars} characters of the repository's tiny Shakespeare into
     * {@code folder} and returns the file's path.
     */
    static String shakespeare(Path folder, int chars) {
        try {
            String text = Files.readString(Path.of("../datasets/tinyshakespeare.txt"), StandardCharsets.UTF_8);
            Path file = folder.resolve("shakespeare-" + chars + ".txt");
            Files.writeString(file, text.substring(0, chars), StandardCharsets.UTF_8);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
