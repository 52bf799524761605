package dev.grove.loader.report;

import dev.grove.api.model.Provenance;
import dev.grove.loader.modelio.ModelFile;
import java.util.Optional;

/** Where the model came from (model.grove's provenance) and the resolved experiment (config.yaml). */
final class ProvenanceSection {

    private ProvenanceSection() {
    }

    /** The provenance table, or none when the run saved no model. */
    static Optional<Page.Section> provenance(RunFiles run) {
        if (run.model().isEmpty()) {
            return Optional.empty();
        }
        ModelFile model = run.model().get();
        Provenance p = model.provenance();
        StringBuilder rows = new StringBuilder();
        rows.append(row("component", p.component()));
        rows.append(row("seed", Long.toString(p.seed())));
        rows.append(row("training data fingerprint (SHA-256 of its rows)", p.dataFingerprint()));
        rows.append(row("training data", model.schema().featureCount() + " features"
                + (model.schema().classLabels().isEmpty() ? "" : ", " + model.schema().classLabels().size() + " classes")));
        rows.append(row("Grove version", p.groveVersion()));
        rows.append(row("Java version", p.javaVersion()));
        rows.append(row("fitted at", p.fittedAt().toString()));
        String html = "<table class=\"figures\" data-table=\"provenance\"><tbody>\n" + rows + "</tbody></table>\n"
                + Html.note("grove run config.yaml in this folder fits the same model again: same seed, same data, same params.");
        return Optional.of(new Page.Section("provenance", "Provenance", html));
    }

    /** The resolved experiment as written, or none when config.yaml is missing. */
    static Optional<Page.Section> config(RunFiles run) {
        if (run.configText() == null) {
            return Optional.empty();
        }
        return Optional.of(new Page.Section("config", "Configuration",
                Html.note("config.yaml: the experiment with overrides applied and every default filled in.")
                        + Html.pre(run.configText())));
    }

    private static String row(String what, String value) {
        return "<tr><th>" + Html.escape(what) + "</th><td>" + Html.escape(value) + "</td></tr>\n";
    }
}
