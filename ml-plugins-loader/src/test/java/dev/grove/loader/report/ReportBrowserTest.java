package dev.grove.loader.report;

import static dev.grove.loader.report.GroveRuns.experiment;
import static dev.grove.loader.report.GroveRuns.grove;
import static dev.grove.loader.report.GroveRuns.groveWithFamilies;
import static dev.grove.loader.report.GroveRuns.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports of real runs opened in headless Chromium, as a person would open them: each page loads
 * with no console message (no script error, no resource that fails to load), its expected charts
 * are in the DOM after load, and a screenshot of it is saved under target/report-screenshots/.
 * The runs are small (a few hundred rows, tens of epochs) so this stays in the default suite. Runs
 * of the neural and generative families happen in a grove process of their own, with those
 * families on its module path as the grove launcher puts them (they are not on the tests' path).
 *
 * <p>Skipped, with a message saying so, on a machine without {@code /usr/bin/chromium}: .ci/run
 * installs Debian's chromium package when it is missing.
 */
class ReportBrowserTest {

    static final Path SCREENSHOTS = Path.of("target/report-screenshots");

    @TempDir
    static Path work;

    static HeadlessChromium chromium;

    @BeforeAll
    static void findChromium() {
        chromium = HeadlessChromium.find(work.resolve("chromium")).orElse(null);
        assumeTrue(chromium != null, "no " + HeadlessChromium.DEBIAN_CHROMIUM + " on this machine: the browser checks of the"
                + " reports are skipped (.ci/run installs Debian's chromium package; apt-get install -y chromium)");
    }

    /** Loads {@code page}, screenshots it, checks it logged nothing and has every chart named, and returns its DOM. */
    private static String open(Path page, String screenshot, String... charts) {
        HeadlessChromium.Load load = chromium.loadAndScreenshot(page, SCREENSHOTS.resolve(screenshot + ".png"));
        assertThat(load.consoleMessages()).as("console messages of %s", page).isEmpty();
        for (String chart : charts) {
            assertThat(load.dom()).as("chart %s in %s", chart, page).containsPattern("<svg[^>]*data-chart=\"" + chart + "\"");
        }
        return load.dom();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** The checker itself: a page with a script error and a console.error is caught. */
    @Test
    void consoleErrorsOfAPageAreCaught() throws IOException {
        Path page = Files.writeString(work.resolve("broken.html"), "<!DOCTYPE html><html><head><link rel=\"icon\" href=\"data:,\">"
                + "</head><body><script>console.error('boom'); missingFunction();</script></body></html>");
        HeadlessChromium.Load load = chromium.load(page);
        assertThat(load.consoleMessages()).hasSize(2);
        assertThat(String.join("\n", load.consoleMessages())).contains("boom", "missingFunction");
    }

    /**
     * A linear model on the two moons cannot bend around them: a high training error, close to the
     * validation error. Its report is a classification report: loss curve, confusion matrix, ROC.
     */
    @Test
    void aLinearModelOnMoonsIsDiagnosedAsUnderfitting() {
        Path out = work.resolve("moons");
        grove("run", experiment(work, "moons", String.join("\n",
                "grove: 1",
                "name: moons-logistic",
                "seed: 5",
                "data: {source: synthetic, kind: moons, samples: 400, noise: 0.2, split: {test: 0.25, val: 0.25}}",
                "pipeline:",
                "  - logistic-regression",
                "evaluate:",
                "  metrics: [accuracy, f1-macro, roc-auc, confusion-matrix]",
                "")).toString(), "--out", out.toString());

        String dom = open(out.resolve("report.html"), "moons-logistic-underfitting", "curve-loss", "confusion-matrix", "roc");

        assertThat(dom).contains("data-verdict=\"underfitting\"");
        assertThat(dom).contains("Training accuracy " + percent(metric(out, "train/accuracy")),
                "validation accuracy " + percent(metric(out, "val/accuracy")));
        // The ROC chart's area is the one ml-api's roc-auc metric computes on the same test rows.
        assertThat(dom).contains("ROC curve (AUC " + Format.number(metric(out, "test/roc-auc")) + ")");
    }

    /**
     * A wide MLP on a small slice of the digits (90 training rows, 30 epochs of small batches, no
     * penalty) learns its training rows by heart: the report says overfitting with the figures, and
     * shows the network's summary, gradient norms and learning rate.
     */
    @Test
    void aWideNetworkOnFewRowsIsDiagnosedAsOverfitting() throws IOException {
        Path out = work.resolve("digits");
        groveWithFamilies(work, "run", experiment(work, "digits", String.join("\n",
                "grove: 1",
                "name: digits-overfit",
                "seed: 7",
                "data: {source: csv, path: ../datasets/digits.csv, target: digit, split: {test: 0.9, val: 0.05}}",
                "pipeline:",
                "  - standard-scaler",
                "  - mlp: {hidden: [256], epochs: 30, batch-size: 8, l2: 0.0, lr: 0.01}",
                "evaluate:",
                "  metrics: [accuracy, log-loss]",
                "")).toString(), "--out", out.toString());

        String dom = open(out.resolve("report.html"), "digits-mlp-overfitting", "curve-loss", "curve-accuracy", "confusion-matrix",
                "gradient-norms", "learning-rate");

        assertThat(dom).contains("data-verdict=\"overfitting\"");
        assertThat(dom).contains("Training accuracy " + percent(metric(out, "train/accuracy")),
                "validation accuracy " + percent(metric(out, "val/accuracy")));
        assertThat(dom).contains("Validation loss was lowest at epoch " + lowestValidationLossEpoch(out.resolve("history.csv")));
        // 64 → 256 → 10: (64 + 1) × 256 + (256 + 1) × 10 parameters.
        assertThat(dom).contains("data-total-params=\"\">" + Format.count(65 * 256 + 257 * 10) + "<");
    }

    /** The course's CNN (examples/cifar10-cnn.yaml) on CIFAR-shaped synthetic images: its summary table in the report. */
    @Test
    void theCourseCnnReportShowsItsSummaryTable() throws IOException {
        Path out = work.resolve("cnn");
        String example = Files.readString(Path.of("../examples/cifar10-cnn.yaml"));
        // The course's model and training sections as they are; the CIFAR-10 files replaced by 40 images of that shape.
        String yaml = example.replaceAll("(?s)\ndata:\n.*?\nmodel:", "\ndata:\n  source: synthetic\n  kind: classification\n"
                + "  samples: 40\n  classes: 10\n  shape: [3, 32, 32]\n  split: {test: 0.25}\nmodel:");
        assertThat(yaml).contains("conv2d: {filters: 32, kernel: 3, activation: relu}").doesNotContain("cifar10-train");
        groveWithFamilies(work, "run", experiment(work, "cnn", yaml).toString(), "train.epochs=1", "--out", out.toString());

        String dom = open(out.resolve("report.html"), "cifar10-cnn-summary", "curve-loss", "gradient-norms");

        assertThat(dom).contains("data-total-params=\"\">122,570<");
        // The example's comment lists the course's per-layer counts: 896 for the first conv2d, 650 for the last dense.
        assertThat(dom).containsPattern("conv2d-1 \\(conv2d\\)</td><td>\\(30, 30, 32\\)</td><td class=\"num\">896<");
        assertThat(dom).containsPattern("\\(10\\)</td><td class=\"num\">650<");
    }

    /**
     * A sweep over k of k-means on iris: the comparison page (sortable table, best run by silhouette
     * marked, inertia and silhouette against k) and a run's report with its clusters on the first
     * two principal components.
     */
    @Test
    void aClusteringSweepComparesItsRuns() {
        Path out = work.resolve("kmeans-sweep");
        grove("run", "../examples/iris-kmeans.yaml", "data.path=../datasets/iris.csv", "-m", "pipeline[1].k=2,3,4,5",
                "--select", "train/silhouette", "--out", out.toString());

        String page = open(out.resolve(ComparisonPage.FILE), "iris-kmeans-sweep", "sweep-train-silhouette-vs-pipeline-1-k",
                "sweep-train-inertia-vs-pipeline-1-k");
        // The sorting script ran: it makes every heading focusable.
        assertThat(page).containsPattern("<th[^>]*tabindex=\"0\"[^>]*>pipeline\\[1\\]\\.k</th>");
        // Iris's two well-separated groups give the best silhouette at k=2 (see RunCommandTest): run-001 is best.
        double best = -1;
        String bestRun = null;
        for (int i = 1; i <= 4; i++) {
            double silhouette = metric(out.resolve("run-00" + i), "train/silhouette");
            if (silhouette > best) {
                best = silhouette;
                bestRun = "run-00" + i;
            }
        }
        assertThat(page).containsPattern("<tr class=\"best\"><td><a href=\"" + bestRun + "/report.html\">" + bestRun + "</a>");

        String run = open(out.resolve("run-002/report.html"), "iris-kmeans-k3", "clusters", "curve-inertia");
        assertThat(run).contains("data-verdict=\"none\"");
    }

    /**
     * A mixture after PCA, swept over its number of components: BIC against the number of
     * components on the comparison page, and the PCA's scree plot in each run's report.
     */
    @Test
    void aMixtureSweepChartsBicAndAScreePlot() {
        Path out = work.resolve("gmm-sweep");
        grove("run", experiment(work, "gmm", String.join("\n",
                "grove: 1",
                "name: iris-gmm",
                "seed: 3",
                "data: {source: csv, path: ../datasets/iris.csv, features: [sepal_length, sepal_width, petal_length, petal_width]}",
                "pipeline:",
                "  - standard-scaler",
                "  - pca: {components: 3}",
                "  - gmm: {components: 3}",
                "evaluate:",
                "  metrics: [silhouette]",
                "")).toString(), "-m", "pipeline[2].components=2,3,4", "--select", "model/bic:min", "--out", out.toString());

        open(out.resolve(ComparisonPage.FILE), "iris-gmm-sweep", "sweep-model-bic-vs-pipeline-2-components",
                "sweep-train-silhouette-vs-pipeline-2-components");
        open(out.resolve("run-002/report.html"), "iris-pca-gmm", "scree", "clusters");
    }

    /**
     * A decision tree's report draws the fitted tree (depth 3: drawn whole) with a box per node, and
     * keeps its split rules as indented text.
     */
    @Test
    void aDecisionTreeReportDrawsTheTreeAndShowsItsRules() {
        Path out = work.resolve("tree");
        grove("run", experiment(work, "tree", String.join("\n",
                "grove: 1",
                "name: iris-tree",
                "seed: 1",
                "data: {source: csv, path: ../datasets/iris.csv, target: species, split: {test: 0.3}}",
                "pipeline:",
                "  - decision-tree: {max-depth: 3}",
                "")).toString(), "--out", out.toString());

        String dom = open(out.resolve("report.html"), "iris-tree", "confusion-matrix", "tree");
        assertThat(dom).containsPattern("<pre data-model-text=\"\">\\|--- petal_(length|width) &lt;= ");
        // The text has a line per leaf and two per split; a binary tree has one split fewer than leaves.
        String text = dom.substring(dom.indexOf("<pre data-model-text"), dom.indexOf("</pre>", dom.indexOf("<pre data-model-text")));
        int leaves = text.split("class: ", -1).length - 1;
        assertThat(count(dom, "<g class=\"node leaf\"")).isEqualTo(leaves);
        assertThat(count(dom, "<g class=\"node split\"")).isEqualTo(leaves - 1);
        // The root's rule, as the text's first line gives it, is the first box's.
        Matcher first = Pattern.compile("\\|--- (petal_\\w+) &lt;= ([\\d.]+)").matcher(text);
        assertThat(first.find()).isTrue();
        assertThat(dom).containsPattern("(?s)data-node=\"root\">.*?<text class=\"node-text\"[^>]*>" + first.group(1) + " ≤ "
                + Pattern.quote(first.group(2)) + "</text>");
    }

    /**
     * A regression tree grown to full depth on the diabetes rows is too large to draw: its top levels
     * are drawn, dashed boxes for the subtrees below, and the rules follow as text.
     */
    @Test
    void aDeepRegressionTreeIsDrawnToItsTopLevels() {
        Path out = work.resolve("deep-tree");
        grove("run", experiment(work, "deep-tree", String.join("\n",
                "grove: 1",
                "name: diabetes-tree",
                "seed: 1",
                "data: {source: csv, path: ../datasets/diabetes.csv, target: progression, split: {test: 0.25}}",
                "pipeline:",
                "  - decision-tree",
                "")).toString(), "--out", out.toString());

        String dom = open(out.resolve("report.html"), "diabetes-tree-top-levels", "tree");
        assertThat(count(dom, "<g class=\"node split cut\"")).isPositive();
        assertThat(dom).containsPattern("of its rules are in the text below").contains("<pre data-model-text=\"\">|--- ");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /**
     * A VAE's report shows the grids it wrote as images. The case runs once the generative family
     * registers a {@code vae} estimator; until then it is skipped, saying so.
     */
    @Test
    void aVaeReportShowsItsImageGrids() {
        assumeTrue(GroveRuns.familiesProvide(work, "vae"), "the generative family (ml-generative) has no 'vae' estimator"
                + " yet: the VAE report case is skipped until it has");
        Path out = work.resolve("vae");
        groveWithFamilies(work, "run", experiment(work, "vae", String.join("\n",
                "grove: 1",
                "name: mnist-vae",
                "seed: 1",
                "data:",
                "  source: mnist",
                "  images: ../datasets/mnist-t10k-images-idx3-ubyte.gz",
                "  labels: ../datasets/mnist-t10k-labels-idx1-ubyte.gz",
                "  split: {test: 9700, shuffle: false, stratify: false}",
                "pipeline:",
                "  - vae: {encoder: [{dense: {units: 64, activation: relu}}], decoder: [{dense: {units: 64, activation: relu}}],"
                        + " latent-dim: 2, epochs: 2, batch-size: 50}",
                "")).toString(), "--out", out.toString());

        String dom = open(out.resolve("report.html"), "mnist-vae");
        List<String> images = pngFiles(out);
        assertThat(images).as("PNG files the VAE wrote").isNotEmpty();
        for (String image : images) {
            assertThat(dom).contains("data-artifact=\"" + image + "\"");
        }
    }

    /**
     * The files a generative model writes, in a run folder made by hand as an ArtifactWriter would
     * leave it (two PNG grids, a latent-code table), redrawn by {@code grove report}: the grids are
     * embedded as images (data URIs; the screenshot shows them), the codes drawn by label.
     */
    @Test
    void aGenerativeRunsGridsAndCodesAreShown() throws IOException {
        Path run = Files.createDirectories(work.resolve("generative"));
        Files.writeString(run.resolve("config.yaml"), "name: grids\nseed: 1\n");
        Files.writeString(run.resolve("metrics.json"), "{\"train/negative-elbo\": 150.5, \"test/negative-elbo\": 160.25}");
        Files.writeString(run.resolve("history.csv"), "scope,step,train/loss,val/loss\nfit/step-0,1,200,210\nfit/step-0,2,170,180\n"
                + "fit/step-0,3,150,160\n");
        Files.write(run.resolve("samples.png"), TinyPng.gradient(28, 28));
        Files.write(run.resolve("reconstructions.png"), TinyPng.gradient(56, 28));
        Files.writeString(run.resolve("latent-codes.csv"), "z1,z2,label\n0.5,1.0,3\n-1.0,0.25,7\n0.0,-0.5,3\n");
        Files.writeString(run.resolve(ReportData.FILE), "{\"split\": \"test\", \"artifacts\": [\"samples.png\","
                + " \"reconstructions.png\", \"latent-codes.csv\"]}");
        grove("report", run.toString());

        String dom = open(run.resolve("report.html"), "generative-files", "curve-loss", "latent-latent-codes-csv");

        assertThat(dom).contains("data-artifact=\"samples.png\"", "data-artifact=\"reconstructions.png\"", "label 3", "label 7");
        assertThat(dom).contains("data-verdict=\"not-overfitting\"", "Validation loss was lowest at epoch 3");
    }

    private static List<String> pngFiles(Path dir) {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The epoch of the lowest val/loss in a history.csv, read here independently of the report's code. */
    private static String lowestValidationLossEpoch(Path historyCsv) throws IOException {
        List<String> lines = Files.readAllLines(historyCsv);
        List<String> header = List.of(lines.get(0).split(","));
        int column = header.indexOf("val/loss");
        double best = Double.POSITIVE_INFINITY;
        String epoch = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells[0].startsWith("fit") && !cells[column].isEmpty() && Double.parseDouble(cells[column]) < best) {
                best = Double.parseDouble(cells[column]);
                epoch = cells[1];
            }
        }
        Matcher integer = Pattern.compile("\\d+").matcher(String.valueOf(epoch));
        assertThat(integer.matches()).as("an epoch number, got %s", epoch).isTrue();
        return epoch;
    }
}
