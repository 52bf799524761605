package dev.grove.loader.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.model.DecisionNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drawn tree: its boxes and their places in the SVG, how much of a large tree is drawn, and its section. */
class TreeDiagramTest {

    private static final Pattern BOX = Pattern.compile("(?s)<g class=\"node ([a-z ]+)\" data-node=\"([a-z-]+)\">.*?<rect x=\"([\\d.]+)\""
            + " y=\"([\\d.]+)\" width=\"([\\d.]+)\" height=\"([\\d.]+)\" rx=\"5\" fill=\"(#[0-9a-f]{6})\"");

    @TempDir
    Path run;

    /** One box as the SVG places it. */
    private record Drawn(String kind, double x, double y, double width, double height, String fill) {
        double right() {
            return x + width;
        }

        double centre() {
            return x + width / 2;
        }
    }

    private static Map<String, Drawn> boxes(String svg) {
        Map<String, Drawn> out = new LinkedHashMap<>();
        Matcher m = BOX.matcher(svg);
        while (m.find()) {
            out.put(m.group(2), new Drawn(m.group(1), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)),
                    Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)), m.group(7)));
        }
        return out;
    }

    private static DecisionNode leaf(String label, int classIndex, double samples) {
        return new DecisionNode("class: " + label, samples, classIndex, List.of());
    }

    private static DecisionNode split(String rule, double samples, DecisionNode yes, DecisionNode no) {
        return new DecisionNode(rule, samples, -1, List.of(yes, no));
    }

    private static TreeOutline outline(DecisionNode root) {
        return TreeOutline.read(TreeOutline.store(root)).orElseThrow();
    }

    /** Depth 2, all four leaves: a feature name with markup characters, and classes 0, 1, 1, 2. */
    private static final DecisionNode SEVEN = split("a<b & c ≤ 1.50", 100,
            split("x ≤ 0.25", 40, leaf("setosa", 0, 30), leaf("versicolor", 1, 10)),
            split("y ≤ 7.00", 60, leaf("versicolor", 1, 25), leaf("virginica", 2, 35)));

    @Test
    void sevenNodesAreSevenBoxesWithTheirTextEscaped() {
        TreeOutline root = outline(SEVEN);
        assertThat(TreeDiagram.levelsToDraw(root)).isEqualTo(3);

        String svg = TreeDiagram.svg("tree", "The fitted decision-tree", root, 3);

        Map<String, Drawn> boxes = boxes(svg);
        assertThat(boxes.keySet()).containsExactly("root", "root-yes", "root-yes-yes", "root-yes-no", "root-no", "root-no-yes",
                "root-no-no");
        assertThat(boxes.values()).extracting(Drawn::kind).containsExactly("split", "split", "leaf", "leaf", "split", "leaf", "leaf");
        assertThat(svg).contains(">a&lt;b &amp; c ≤ 1.50</text>", ">x ≤ 0.25</text>", ">y ≤ 7.00</text>", ">100 samples</text>",
                ">class: virginica</text>", ">35 samples</text>").doesNotContain("a<b");
        assertThat(svg.split(">yes</text>", -1)).hasSize(4);
        assertThat(svg.split(">no</text>", -1)).hasSize(4);
        // Leaves take their class's colour: setosa the first, versicolor the second, virginica the third.
        assertThat(boxes.get("root-yes-yes").fill()).isEqualTo("#1f77b4");
        assertThat(boxes.get("root-yes-no").fill()).isEqualTo("#ff7f0e");
        assertThat(boxes.get("root-no-yes").fill()).isEqualTo("#ff7f0e");
        assertThat(boxes.get("root-no-no").fill()).isEqualTo("#2ca02c");
        for (String parent : List.of("root", "root-yes", "root-no")) {
            Drawn p = boxes.get(parent);
            Drawn yes = boxes.get(parent + "-yes");
            Drawn no = boxes.get(parent + "-no");
            assertThat(yes.y()).as("%s's children below it", parent).isGreaterThan(p.y() + p.height());
            assertThat(no.y()).isEqualTo(yes.y());
            assertThat(yes.right()).as("%s's yes child left of its no child, apart", parent).isLessThan(no.x());
            assertThat(p.centre()).as("%s between its children", parent).isBetween(yes.centre(), no.centre());
        }
        // The bottom row, left to right, is the leaves in order, none touching the next.
        List<Drawn> bottom = List.of(boxes.get("root-yes-yes"), boxes.get("root-yes-no"), boxes.get("root-no-yes"),
                boxes.get("root-no-no"));
        for (int i = 1; i < bottom.size(); i++) {
            assertThat(bottom.get(i - 1).right()).isLessThan(bottom.get(i).x());
        }
    }

    @Test
    void eachBoxIsWideEnoughForItsText() {
        Map<String, Drawn> boxes = boxes(TreeDiagram.svg("tree", "t", outline(SEVEN), 3));
        // "class: versicolor" is 17 characters; at 12 px no sans-serif face sets it in under 6 px a character.
        assertThat(boxes.get("root-yes-no").width()).isGreaterThan(17 * 6);
        assertThat(boxes.get("root-yes-no").width()).isGreaterThan(boxes.get("root-yes-yes").width());
    }

    /**
     * A chain nine levels deep (each split's yes side a leaf): the outline keeps six levels, all
     * drawn; the split on the sixth stands for the three levels and four leaves under it.
     */
    @Test
    void aDeepTreesTopLevelsAreDrawnAndTheRestSummarised() {
        DecisionNode node = leaf("b", 1, 1);
        for (int d = 8; d >= 1; d--) {
            node = split("x ≤ " + d + ".50", d + 1, leaf("a", 0, 1), node);
        }
        TreeOutline root = outline(node);
        assertThat(root.depth()).isEqualTo(8);
        assertThat(root.leaves()).isEqualTo(9);
        int levels = TreeDiagram.levelsToDraw(root);
        assertThat(levels).isEqualTo(6);

        String svg = TreeDiagram.svg("tree", "t", root, levels);

        Map<String, Drawn> boxes = boxes(svg);
        // The root, then a leaf and a split on each of five levels.
        assertThat(boxes).hasSize(11);
        assertThat(boxes.get("root-no-no-no-no-no").kind()).isEqualTo("split cut");
        assertThat(svg).contains(">x ≤ 6.50</text>", ">7 samples</text>", ">4 leaves below</text>", "3 levels, 4 leaves below</title>")
                .doesNotContain("x ≤ 7.50");
    }

    /** A full tree of depth 5 with long rules is too wide to draw whole: fewer levels are drawn, and they fit. */
    @Test
    void aWideTreeIsDrawnToTheLevelsThatFit() {
        TreeOutline root = outline(full(5, "r"));
        assertThat(root.leaves()).isEqualTo(32);

        int levels = TreeDiagram.levelsToDraw(root);

        assertThat(levels).isBetween(2, 5);
        assertThat(width(TreeDiagram.svg("tree", "t", root, levels))).isLessThanOrEqualTo(TreeDiagram.MAX_WIDTH + 20);
        assertThat(width(TreeDiagram.svg("tree", "t", root, levels + 1))).isGreaterThan(TreeDiagram.MAX_WIDTH);
    }

    private static DecisionNode full(int depth, String path) {
        if (depth == 0) {
            return leaf("class-" + path, path.length() % 3, 1);
        }
        return split("a_rather_long_feature_" + path + " ≤ 1234.57", 1 << depth, full(depth - 1, path + "0"),
                full(depth - 1, path + "1"));
    }

    private static double width(String svg) {
        Matcher m = Pattern.compile("viewBox=\"0 0 ([\\d.]+) ").matcher(svg);
        assertThat(m.find()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** report-data.json as a run leaves it for a three-node tree: the report draws it, the text folded beneath. */
    @Test
    void theReportDrawsTheTreeStoredInTheRunFolder() throws IOException {
        Files.writeString(run.resolve(ReportData.FILE), """
                {"split": "test",
                 "model-text": "|--- petal_width <= 0.80\\n|   |--- class: setosa\\n|--- petal_width >  0.80\\n|   |--- class: virginica\\n",
                 "model-tree": {"text": "petal_width ≤ 0.80", "samples": 150.0, "class": 0, "depth": 1, "leaves": 2, "children": [
                   {"text": "class: setosa", "samples": 50.0, "class": 0, "depth": 0, "leaves": 1},
                   {"text": "class: virginica", "samples": 100.0, "class": 2, "depth": 0, "leaves": 1}]}}
                """);

        String html = RunReport.render(run);

        assertThat(html).containsPattern("<svg[^>]*data-chart=\"tree\"");
        List<String> kinds = new ArrayList<>();
        boxes(html).values().forEach(b -> kinds.add(b.kind()));
        assertThat(kinds).containsExactly("split", "leaf", "leaf");
        assertThat(html).contains(">petal_width ≤ 0.80</text>", ">150 samples</text>", ">class: virginica</text>")
                .contains("<details><summary>The rules as text</summary>").contains("<pre data-model-text>|--- petal_width &lt;= 0.80");
    }
}
