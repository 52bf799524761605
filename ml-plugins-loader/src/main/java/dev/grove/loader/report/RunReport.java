package dev.grove.loader.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's {@code report.html}, drawn from the files in its folder alone (config.yaml, metrics.json,
 * history.csv, model.grove, report-data.json and the images the model wrote), so that
 * {@code grove report RUN_DIR} redraws it at any time without running anything. One self-contained
 * file: style sheet inline, charts as inline SVG, images as data URIs, no script.
 */
public final class RunReport {

    /** The report's file name in a run folder. */
    public static final String FILE = "report.html";

    private RunReport() {
    }

    /**
     * Writes {@code directory/report.html} (atomically: a reader never sees half a page) and returns its path.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path write(Path directory) {
        String html = render(directory);
        Path file = directory.resolve(FILE);
        writeAtomically(file, html);
        return file;
    }

    /** The report of the run in {@code directory}, as HTML text. */
    static String render(Path directory) {
        RunFiles run = RunFiles.read(directory);
        FitDiagnosis.Diagnosis diagnosis = FitDiagnosis.of(run.metrics(), run.history());
        List<Page.Section> sections = new ArrayList<>();
        sections.add(DiagnosisSection.render(diagnosis));
        MetricsSection.render(run).ifPresent(sections::add);
        CurvesSection.render(run.history()).ifPresent(sections::add);
        ClassificationSection.render(run).ifPresent(sections::add);
        ClusteringSection.clusters(run).ifPresent(sections::add);
        ClusteringSection.scree(run).ifPresent(sections::add);
        NetworkSection.render(run).ifPresent(sections::add);
        ModelTextSection.render(run).ifPresent(sections::add);
        AttentionSection.render(run).ifPresent(sections::add);
        LanguageSection.generated(run).ifPresent(sections::add);
        LanguageSection.neighbours(run).ifPresent(sections::add);
        FilesSection.render(run).ifPresent(sections::add);
        ProvenanceSection.provenance(run).ifPresent(sections::add);
        ProvenanceSection.config(run).ifPresent(sections::add);
        StringBuilder headline = new StringBuilder("<div class=\"headline\">\n")
                .append(DiagnosisSection.badge(diagnosis.verdict())).append('\n')
                .append(MetricsSection.headline(run)).append("\n</div>\n");
        if (!run.problems().isEmpty()) {
            headline.append("<div class=\"problems\"><p>Some of the run's files are missing or could not be read:</p><ul>\n");
            run.problems().forEach(p -> headline.append("<li>").append(Html.escape(p)).append("</li>\n"));
            headline.append("</ul></div>\n");
        }
        String title = run.name() + " — " + componentName(run);
        return Page.render(title, directory.toAbsolutePath().normalize().toString(), headline.toString(), sections, false);
    }

    /** The fitted model's component (the last step of a pipeline), or what the config names. */
    private static String componentName(RunFiles run) {
        return run.model().map(m -> m.isPipeline() && !m.steps().isEmpty()
                ? String.valueOf(m.steps().get(m.steps().size() - 1).get("component")) : m.component()).orElse("run report");
    }

    /** Writes {@code text} to a temporary file beside {@code file} and renames it into place. */
    static void writeAtomically(Path file, String text) {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.writeString(temp, text);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
