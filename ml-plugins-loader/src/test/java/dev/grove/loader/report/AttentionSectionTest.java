package dev.grove.loader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attention section: one heatmap per layer of the heads' mean weights, the tokens as labels. */
class AttentionSectionTest {

    @TempDir
    Path run;

    @Test
    void eachLayerIsDrawnAsTheMeanOfItsHeadsWithTheTokensAsLabels() throws IOException {
        // Layer 1: head 0 attends from "the" only to itself, head 1 only to "cat": the mean is 1/2 and 1/2.
        Files.writeString(run.resolve("attention.json"), """
                {"tokens": ["the", "cat", "<sat>"],
                "layers": [
                {"name": "multi-head-attention 1", "heads": [
                  [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
                  [[0, 1, 0], [0, 0.5, 0.5], [0.25, 0.25, 0.5]]]},
                {"name": "multi-head-attention 2", "heads": [[[0.2, 0.3, 0.5], [0.1, 0.1, 0.8], [1, 0, 0]]]}
                ]}
                """);
        Files.writeString(run.resolve(ReportData.FILE), "{\"artifacts\": [\"attention.json\"]}");

        String html = RunReport.render(run);

        assertThat(html).contains("<h2").contains(">Attention<");
        assertThat(html).contains("data-chart=\"attention-1\"").contains("data-chart=\"attention-2\"")
                .contains("multi-head-attention 1 (mean of 2 heads)").contains("multi-head-attention 2 (mean of 1 head)");
        // Hand means of layer 1: the → the 0.5, the → cat 0.5, cat → cat 0.75, <sat> → <sat> 0.75.
        assertThat(html).contains("the → the: 0.5 (50.0% of the row)").contains("the → cat: 0.5 (50.0% of the row)")
                .contains("cat → cat: 0.75 (75.0% of the row)").contains("&lt;sat&gt; → &lt;sat&gt;: 0.75 (75.0% of the row)");
        assertThat(html).contains("cat → &lt;sat&gt;: 0.8 (80.0% of the row)");
        // Not listed again among the files.
        assertThat(html).doesNotContain("href=\"attention.json\"");
    }

    @Test
    void aFileWhoseMatricesDoNotMatchTheTokensIsNamedNotDrawn() throws IOException {
        Files.writeString(run.resolve("attention.json"),
                "{\"tokens\": [\"a\", \"b\"], \"layers\": [{\"name\": \"mha\", \"heads\": [[[1, 0, 0]]]}]}");

        String html = RunReport.render(run);

        assertThat(html).contains("The weights of mha are not 2 × 2 matrices, one per head.")
                .doesNotContain("data-chart=\"attention-1\"");
    }
}
