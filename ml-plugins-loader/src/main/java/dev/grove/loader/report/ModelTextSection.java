package dev.grove.loader.report;

import java.util.Optional;

/**
 * What the model says of itself: a decision tree drawn (its top levels when it is too large to draw
 * whole) with its split rules as indented text, or another model's text.
 */
final class ModelTextSection {

    private ModelTextSection() {
    }

    /** The section, or none when the run's model does not describe itself. */
    static Optional<Page.Section> render(RunFiles run) {
        if (!(run.reportData().get("model-text") instanceof String text)) {
            return Optional.empty();
        }
        String component = run.model().map(m -> m.isPipeline() && !m.steps().isEmpty()
                ? String.valueOf(m.steps().get(m.steps().size() - 1).get("component")) : m.component()).orElse("model");
        Optional<TreeOutline> outline = TreeOutline.read(run.reportData().get("model-tree"));
        boolean tree = text.contains("|---") || outline.isPresent();
        String rules = "<pre data-model-text>" + Html.escape(text) + "</pre>\n";
        String textNote = tree ? Html.note("Each line is a branch: a row goes down the branch whose condition it meets; leaves name"
                + " the prediction. Subtrees deeper than the text's limit are summarised.") : "";
        String html = outline.map(root -> drawing(root, component, textNote, rules)).orElse(textNote + rules);
        return Optional.of(new Page.Section("model-text", tree ? "Tree (" + component + ")" : "The fitted " + component, html));
    }

    /** The drawn tree; the text follows, folded away when the drawing shows the whole tree. */
    private static String drawing(TreeOutline root, String component, String textNote, String rules) {
        int levels = TreeDiagram.levelsToDraw(root);
        boolean whole = levels > root.depth();
        String svg = TreeDiagram.svg("tree", "The fitted " + component, root, levels);
        String how = "Each box is a split: the rows that meet its rule go down the yes edge (left), the others the no edge;"
                + " leaves" + (root.classIndex() >= 0 ? ", coloured by class," : "") + " name the prediction."
                + " Samples are training rows.";
        String extent = whole ? "" : " The tree has depth " + root.depth() + " and " + Format.count(root.leaves())
                + " leaves: its top " + levels + " levels of nodes are drawn, each dashed box standing for the subtree"
                + " below it; all of its rules are in the text below.";
        String figure = "<figure>\n" + svg + "</figure>\n" + Html.note(how + extent);
        return whole ? figure + "<details><summary>The rules as text</summary>\n" + textNote + rules + "</details>\n"
                : figure + "<h3>The rules as text</h3>\n" + textNote + rules;
    }
}
