package dev.grove.loader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attention section: one heatmap per layer of the heads' mean weights, the tokens as labels, and
 * under it, folded away, each head's own heatmap.
 */
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

    @Test
    void eachHeadIsDrawnWithItsOwnWeightsFoldedUnderItsLayersMean() throws IOException {
        Files.writeString(run.resolve("attention.json"), """
                {"tokens": ["the", "cat", "<sat>"],
                "layers": [
                {"name": "mha 1", "heads": [
                  [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
                  [[0, 1, 0], [0, 0.5, 0.5], [0.25, 0.25, 0.5]]]},
                {"name": "mha 2", "heads": [
                  [[0.2, 0.3, 0.5], [0.1, 0.1, 0.8], [1, 0, 0]],
                  [[0.6, 0.3, 0.1], [0.3, 0.3, 0.4], [0, 0, 1]]]}
                ]}
                """);

        String html = RunReport.render(run);

        for (String id : new String[] {"attention-1", "attention-2", "attention-1-head-1", "attention-1-head-2",
                "attention-2-head-1", "attention-2-head-2"}) {
            assertThat(html).containsOnlyOnce("data-chart=\"" + id + "\"");
        }
        // Hand means of layer 2: the → the (0.2 + 0.6) / 2 = 0.4, cat → <sat> (0.8 + 0.4) / 2 = 0.6.
        assertThat(chart(html, "attention-2")).contains("mha 2 (mean of 2 heads)").contains("the → the: 0.4 (40.0% of the row)")
                .contains("cat → &lt;sat&gt;: 0.6 (60.0% of the row)");
        // The heads come after their layer's mean, inside one folded "Each head" per layer.
        assertThat(html.indexOf("data-chart=\"attention-1\"")).isLessThan(html.indexOf("<summary>Each head</summary>"));
        assertThat(html.split("<summary>Each head</summary>", -1)).hasSize(3);
        String firstFold = html.substring(html.indexOf("<details>"), html.indexOf("</details>"));
        assertThat(firstFold).contains("data-chart=\"attention-1-head-1\"").contains("data-chart=\"attention-1-head-2\"")
                .doesNotContain("data-chart=\"attention-2");

        // Layer 1: head 1 keeps "the" on itself (weight 1, the darkest shade #08306b); head 2 sends it all to "cat",
        // so there the → the is 0 (the palest shade #f7fbff).
        String head11 = chart(html, "attention-1-head-1");
        String head12 = chart(html, "attention-1-head-2");
        assertThat(head11).contains(">head 1</text>").contains("the → the: 1 (100.0% of the row)")
                .contains("fill=\"#08306b\"><title>the → the:").contains("the → cat: 0 (0.0% of the row)");
        assertThat(head12).contains(">head 2</text>").contains("the → the: 0 (0.0% of the row)")
                .contains("fill=\"#f7fbff\"><title>the → the:").contains("the → cat: 1 (100.0% of the row)")
                .contains("&lt;sat&gt; → the: 0.25 (25.0% of the row)");
        // Layer 2's heads differ on <sat>: head 1 gives all to "the", head 2 all to itself.
        assertThat(chart(html, "attention-2-head-1")).contains("&lt;sat&gt; → the: 1 (100.0% of the row)")
                .contains("cat → &lt;sat&gt;: 0.8 (80.0% of the row)");
        assertThat(chart(html, "attention-2-head-2")).contains("&lt;sat&gt; → &lt;sat&gt;: 1 (100.0% of the row)")
                .contains("cat → &lt;sat&gt;: 0.4 (40.0% of the row)");
        // Small multiples: a head's cells are drawn narrower than its layer's mean cells.
        assertThat(cellWidth(head11)).isLessThan(cellWidth(chart(html, "attention-1")));
        // The cells are large enough to carry their values as text.
        assertThat(head12).contains(">0.25</text>");
    }

    @Test
    void aSentenceLongerThanTheLimitShowsTheMeanButNotEachHead() throws IOException {
        int tokens = AttentionSection.MAX_TOKENS_PER_HEAD + 1;
        StringBuilder json = new StringBuilder("{\"tokens\": [");
        StringBuilder uniform = new StringBuilder("[");
        for (int i = 0; i < tokens; i++) {
            json.append(i == 0 ? "" : ", ").append("\"t").append(i).append('"');
            uniform.append(i == 0 ? "" : ", ").append('[').append(String.join(", ", Collections.nCopies(tokens,
                    Double.toString(1.0 / tokens)))).append(']');
        }
        uniform.append(']');
        json.append("], \"layers\": [{\"name\": \"mha 1\", \"heads\": [").append(uniform).append(", ").append(uniform)
                .append("]}]}");
        Files.writeString(run.resolve("attention.json"), json);

        String html = RunReport.render(run);

        assertThat(html).containsOnlyOnce("data-chart=\"attention-1\"").doesNotContain("attention-1-head-1")
                .doesNotContain("<summary>Each head</summary>")
                .containsOnlyOnce("drawn one by one for up to 64 tokens, and this input has 65");
    }

    @Test
    void aMalformedHeadIsNamedNotDrawnAndTheOtherLayersStillAre() throws IOException {
        Files.writeString(run.resolve("attention.json"), """
                {"tokens": ["a", "b"],
                "layers": [
                {"name": "good", "heads": [[[1, 0], [0, 1]], [[0, 1], [1, 0]]]},
                {"name": "bad", "heads": [[[1, 0], [0, 1]], [[1, 0, 0]]]},
                {"name": "worse", "heads": [[[1, 0], [0, 1]], "not a matrix"]}
                ]}
                """);

        String html = RunReport.render(run);

        assertThat(html).contains("The weights of bad are not 2 × 2 matrices, one per head.")
                .contains("The weights of worse are not 2 × 2 matrices, one per head.")
                .doesNotContain("data-chart=\"attention-2").doesNotContain("data-chart=\"attention-3");
        assertThat(html).contains("data-chart=\"attention-1\"").contains("data-chart=\"attention-1-head-1\"")
                .contains("data-chart=\"attention-1-head-2\"");
    }

    /** The SVG whose data-chart is {@code id}. */
    private static String chart(String html, String id) {
        int start = html.indexOf("data-chart=\"" + id + "\"");
        assertThat(start).as("chart " + id).isNotNegative();
        return html.substring(start, html.indexOf("</svg>", start));
    }

    /** The width of the first cell of a heatmap. */
    private static double cellWidth(String svg) {
        int rect = svg.indexOf("<rect class=\"cell\"");
        int width = svg.indexOf("width=\"", rect) + "width=\"".length();
        return Double.parseDouble(svg.substring(width, svg.indexOf('"', width)));
    }
}
