package dev.grove.loader.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files a model wrote into its run folder (report-data.json's {@code artifacts}, plus any other
 * PNG there): images embedded in the page (a generative model's sample, reconstruction and
 * interpolation grids), latent codes drawn as a scatter of their first two values coloured by label,
 * text files shown as they are, other files named. Generated text, nearest neighbours and attention
 * weights have their own sections ({@link LanguageSection}, {@link AttentionSection}).
 */
final class FilesSection {

    /** Larger images are linked rather than embedded, so a page stays a reasonable size. */
    static final long MAX_EMBEDDED_BYTES = 8L << 20;
    /** Text files are shown up to this many characters. */
    static final int MAX_TEXT = 20_000;

    private FilesSection() {
    }

    /** The section, or none when the model wrote no file. */
    static Optional<Page.Section> render(RunFiles run) {
        Set<String> files = new LinkedHashSet<>();
        List<String> listed = Plain.strings(run.reportData().get("artifacts"));
        if (listed != null) {
            files.addAll(listed);
        }
        try (Stream<Path> all = Files.list(run.directory())) {
            all.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().forEach(files::add);
        } catch (IOException e) {
            return Optional.of(new Page.Section("files", "Files the model wrote", Html.note("The run folder could not be listed: "
                    + e.getMessage())));
        }
        files.removeAll(LanguageSection.FILES);
        files.remove(AttentionSection.FILE);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder figures = new StringBuilder("<div class=\"charts\">\n");
        StringBuilder rest = new StringBuilder();
        for (String name : files) {
            Path file = run.directory().resolve(name).normalize();
            if (!file.startsWith(run.directory().normalize()) || !Files.isRegularFile(file)) {
                rest.append(Html.note(name + " is listed but not in the run folder."));
            } else if (name.endsWith(".png")) {
                figures.append(image(file, name));
            } else if (name.endsWith(".csv")) {
                Optional<String> chart = LatentCodes.chart(file, name);
                chart.ifPresent(svg -> figures.append("<figure>").append(svg).append("<figcaption>")
                        .append(Html.escape(name + ": the first two values of each shown row's code, coloured by its label."))
                        .append("</figcaption></figure>\n"));
                if (chart.isEmpty()) {
                    rest.append("<p>").append(link(name)).append("</p>\n");
                }
            } else if (name.endsWith(".txt")) {
                rest.append("<h3>").append(Html.escape(name)).append("</h3>\n").append(text(file));
            } else {
                rest.append("<p>").append(link(name)).append("</p>\n");
            }
        }
        figures.append("</div>\n");
        return Optional.of(new Page.Section("files", "Files the model wrote", figures + rest.toString()));
    }

    private static String image(Path file, String name) {
        String caption = "<figcaption>" + Html.escape(name) + "</figcaption>";
        try {
            if (Files.size(file) > MAX_EMBEDDED_BYTES) {
                return "<figure><p>" + link(name) + " (too large to embed)</p>" + caption + "</figure>\n";
            }
            String data = Base64.getEncoder().encodeToString(Files.readAllBytes(file));
            return "<figure><img class=\"artifact\" data-artifact=\"" + Html.escape(name) + "\" alt=\"" + Html.escape(name)
                    + "\" src=\"data:image/png;base64," + data + "\">" + caption + "</figure>\n";
        } catch (IOException e) {
            return "<figure>" + Html.note(name + " could not be read: " + e.getMessage()) + "</figure>\n";
        }
    }

    private static String text(Path file) {
        try {
            String content = Files.readString(file);
            if (content.length() > MAX_TEXT) {
                content = content.substring(0, MAX_TEXT) + "\n… (the rest is in the file)";
            }
            return Html.pre(content);
        } catch (IOException | java.io.UncheckedIOException e) {
            return Html.note(file.getFileName() + " could not be read as text: " + e.getMessage());
        }
    }

    private static String link(String name) {
        return "<a href=\"" + Html.escape(name) + "\">" + Html.escape(name) + "</a>";
    }
}
