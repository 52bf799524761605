package dev.grove.loader.report;

import java.util.Optional;

/** What the model says of itself as text (a decision tree's split rules, indented by depth). */
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
        boolean tree = text.contains("|---");
        String html = (tree ? Html.note("Each line is a branch: a row goes down the branch whose condition it meets; leaves name"
                + " the prediction. Subtrees deeper than the text's limit are summarised.") : "")
                + "<pre data-model-text>" + Html.escape(text) + "</pre>\n";
        return Optional.of(new Page.Section("model-text", tree ? "Tree (" + component + ")" : "The fitted " + component, html));
    }
}
