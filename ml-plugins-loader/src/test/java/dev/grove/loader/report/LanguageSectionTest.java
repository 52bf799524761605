package dev.grove.loader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language sections of a report: generated text and nearest neighbours, each shown once in its own section. */
class LanguageSectionTest {

    @TempDir
    Path run;

    @Test
    void generatedTextAndNeighboursHaveTheirOwnSectionsAndAreNotRepeatedAmongTheFiles() throws IOException {
        Files.writeString(run.resolve("generated.txt"), "Prompt: ...\n\nthe cat <sat> on the mat\n");
        Files.writeString(run.resolve("neighbours.txt"), "The 2 nearest words ...\n\ncat: dog (0.900), mat (0.100)\n");
        Files.writeString(run.resolve("notes.txt"), "other text");
        Files.writeString(run.resolve(ReportData.FILE),
                "{\"artifacts\": [\"neighbours.txt\", \"notes.txt\", \"generated.txt\"]}");

        String html = RunReport.render(run);

        assertThat(html).contains("Generated text").contains("<pre data-generated-text>")
                .contains("the cat &lt;sat&gt; on the mat");
        assertThat(html).contains("Nearest neighbours").contains("<pre data-neighbours>").contains("cat: dog (0.900), mat (0.100)");
        // The other text file is still shown among the files; the two language files only in their sections.
        assertThat(html).contains("<h3>notes.txt</h3>").doesNotContain("<h3>generated.txt</h3>")
                .doesNotContain("<h3>neighbours.txt</h3>");
        assertThat(html.split("cat: dog", -1)).hasSize(2);
    }

    @Test
    void aRunWithoutLanguageFilesHasNoLanguageSections() {
        String html = RunReport.render(run);

        assertThat(html).doesNotContain("Generated text").doesNotContain("Nearest neighbours");
    }
}
