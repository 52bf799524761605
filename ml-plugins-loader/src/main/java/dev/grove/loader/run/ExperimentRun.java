package dev.grove.loader.run;

import jakarta.inject.Inject;
import dev.grove.api.data.DataSource;
import dev.grove.api.data.Dataset;
import dev.grove.api.data.LoadedData;
import dev.grove.api.data.Split;
import dev.grove.api.data.Splits;
import dev.grove.api.metric.MetricInput;
import dev.grove.api.metric.MetricValue;
import dev.grove.api.model.Estimator;
import dev.grove.api.model.ArtifactWriter;
import dev.grove.api.model.Model;
import dev.grove.api.model.Pipeline;
import dev.grove.api.model.Summarized;
import dev.grove.api.model.Summary;
import dev.grove.api.model.Transformer;
import dev.grove.api.run.RunContext;
import dev.grove.api.text.TokenGenerator;
import dev.grove.api.text.Tokenizer;
import dev.grove.loader.config.ComponentRef;
import dev.grove.loader.config.Experiment;
import dev.grove.loader.plugins.ComponentCatalog;
import dev.grove.loader.report.ReportData;
import dev.grove.loader.report.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of an experiment, wired by Guice: load data → split → cross-validate (if asked) → fit
 * (the final estimator watching the validation split, if there is one) → evaluate every split →
 * save the model → write metrics, history, predictions, report data and the report. The resolved
 * config and the log are written first, so a failed run still says what it tried.
 */
final class ExperimentRun {

    private final Experiment experiment;
    private final RunDirectory directory;
    private final RunContext context;
    private final Evaluator evaluator;
    private final HistoryFile history;
    private final RunLog log;
    private final ModelStore modelStore;
    private final ComponentCatalog catalog;

    @Inject
    ExperimentRun(Experiment experiment, RunDirectory directory, RunContext context, Evaluator evaluator,
                  HistoryFile history, RunLog log, ModelStore modelStore, ComponentCatalog catalog) {
        this.experiment = experiment;
        this.directory = directory;
        this.context = context;
        this.evaluator = evaluator;
        this.history = history;
        this.log = log;
        this.modelStore = modelStore;
        this.catalog = catalog;
    }

    RunResult execute() {
        long start = System.nanoTime();
        Path dir = directory.path();
        log.info((context.isResuming() ? "resuming run '" : "run '") + experiment.name() + "' (seed " + experiment.seed()
                + ")" + (context.isResuming() ? " in " : " writing to ") + dir);
        ConfigYaml.write(dir.resolve("config.yaml"), experiment.resolved());
        Map<String, Object> metrics = new LinkedHashMap<>();
        try {
            Splitting data = loadAndSplit();
            if (experiment.evaluate().cv() != null) {
                crossValidate(new Pipeline(transformers(), finalEstimator()), data.train, metrics);
            }
            log.info("fitting " + describePipeline() + " on " + data.train.rows() + " rows"
                    + (data.validation == null ? "" : ", watching " + data.validation.rows() + " validation rows"));
            long fitStart = System.nanoTime();
            Model model = fit(data.train, data.validation, context.scoped("fit"));
            double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
            // The report shows the most trustworthy split there is: test, else validation, else training.
            MetricInput shown = evaluateSplit("train", model, data.train, metrics);
            String shownSplit = "train";
            if (data.validation != null) {
                shown = evaluateSplit("val", model, data.validation, metrics);
                shownSplit = "val";
            }
            if (data.test != null) {
                shown = evaluateSplit("test", model, data.test, metrics);
                shownSplit = "test";
            }
            ModelFigures.addTo(metrics, model);
            modelStore.save(dir.resolve("model.grove"), model, experiment, data.train);
            if (PredictionsCsv.suits(model)) {
                Dataset predicted = data.test != null ? data.test : data.train;
                PredictionsCsv.write(dir.resolve("predictions.csv"), model, Evaluator.predict(model, predicted));
            }
            List<String> artifacts = writeArtifacts(model, data.test != null ? data.test : data.train, dir);
            metrics.put("time/fit-seconds", fitSeconds);
            metrics.put("time/total-seconds", (System.nanoTime() - start) / 1e9);
            writeReportData(dir, model, shown, shownSplit, artifacts);
            return new RunResult(dir, metrics);
        } finally {
            history.write();
            writeMetrics(dir.resolve("metrics.json"), metrics);
            writeReport(dir);
        }
    }

    /**
     * Writes report-data.json: what the report draws that the other files do not hold (see
     * {@link ReportData}). A failure here costs the report those parts, never the run.
     */
    private void writeReportData(Path dir, Model model, MetricInput shown, String split, List<String> artifacts) {
        Summary summary = null;
        if (finalEstimator() instanceof Summarized summarized) {
            Model last = FinalStep.modelOf(model);
            try {
                summary = summarized.summary(last.schema());
            } catch (IllegalArgumentException e) {
                log.detail("no layer table for the report: " + e.getMessage());
            }
        }
        try {
            Files.writeString(dir.resolve(ReportData.FILE), JsonWriter.object(ReportData.collect(shown, split, summary, artifacts)));
        } catch (RuntimeException | IOException e) {
            log.warn("could not write " + ReportData.FILE + " (the report will lack the parts it holds): " + e);
        }
    }

    /**
     * Writes report.html from the run's files, also for a run that failed (its history up to the
     * failure is worth a look). A report that cannot be drawn is a warning: the run's other outputs stand.
     */
    private void writeReport(Path dir) {
        try {
            RunReport.write(dir);
        } catch (RuntimeException e) {
            log.warn("could not write " + RunReport.FILE + ": " + e);
        }
    }

    private record Splitting(Dataset train, Dataset validation, Dataset test) {
    }

    private Splitting loadAndSplit() {
        ComponentRef sourceRef = experiment.data().source();
        DataSource source = (DataSource) sourceRef.create();
        LoadedData loaded = source.load(context.scoped("data"));
        Dataset all = loaded.data();
        log.info("data: " + all + " from " + sourceRef.name()
                + (loaded.hasFixedTest() ? " with a fixed test set of " + loaded.test().rows() + " rows" : ""));
        Experiment.SplitConfig split = experiment.data().split();
        if (split == null) {
            return new Splitting(all, null, loaded.test());
        }
        boolean stratify = split.stratify() != null ? split.stratify() : all.schema().isClassification();
        double testShare = loaded.hasFixedTest() ? 0 : split.test();
        Split s = Splits.split(all, testShare, split.validation(), stratify, split.shuffle(), context.rng("split"));
        Dataset validation = s.validation().length > 0 ? all.view(s.validation()) : null;
        Dataset test = loaded.hasFixedTest() ? loaded.test() : (s.test().length > 0 ? all.view(s.test()) : null);
        log.info("split: " + s.train().length + " train, " + s.validation().length + " val, "
                + (test == null ? 0 : test.rows()) + " test rows" + (stratify ? " (stratified)" : ""));
        return new Splitting(all.view(s.train()), validation, test);
    }

    /**
     * Fits the pipeline on {@code train}; the final estimator watches {@code validation} (null for
     * none) as it trains. Without transformers the estimator is fitted directly, in the scope a
     * {@link Pipeline} would give it, so its random streams are the same either way.
     */
    private Model fit(Dataset train, Dataset validation, RunContext fitContext) {
        List<Estimator<? extends Transformer>> transformers = transformers();
        Estimator<?> last = finalEstimator();
        if (validation == null) {
            return new Pipeline(transformers, last).fit(train, fitContext);
        }
        if (transformers.isEmpty()) {
            return last.fit(train, validation, fitContext.scoped("step-0"));
        }
        return new Pipeline(transformers, last).fit(train, validation, fitContext);
    }

    @SuppressWarnings("unchecked")
    private List<Estimator<? extends Transformer>> transformers() {
        List<ComponentRef> steps = experiment.pipeline();
        List<Estimator<? extends Transformer>> transformers = new ArrayList<>();
        for (int i = 0; i < steps.size() - 1; i++) {
            transformers.add((Estimator<? extends Transformer>) steps.get(i).create());
        }
        return transformers;
    }

    private Estimator<?> finalEstimator() {
        return (Estimator<?>) experiment.pipeline().get(experiment.pipeline().size() - 1).create();
    }

    private String describePipeline() {
        return String.join(" → ", experiment.pipeline().stream().map(ComponentRef::name).toList());
    }

    private void crossValidate(Estimator<?> pipeline, Dataset train, Map<String, Object> metrics) {
        Experiment.CvConfig cv = experiment.evaluate().cv();
        boolean stratify = cv.stratify() != null ? cv.stratify() : train.schema().isClassification();
        List<Split> folds = Splits.kFold(train, cv.folds(), stratify, cv.shuffle(), context.rng("cv"));
        Map<String, List<MetricValue>> perMetric = new LinkedHashMap<>();
        for (int f = 0; f < folds.size(); f++) {
            context.checkCancelled();
            context.progress().update("cross-validation", f, folds.size(), "fold " + (f + 1));
            Split fold = folds.get(f);
            // Each fold's pipeline (scalers included) is fitted on that fold's training rows only.
            Model model = pipeline.fit(train.view(fold.train()), context.scoped("cv-fold-" + (f + 1)));
            Map<String, MetricValue> values = evaluator.evaluate(Evaluator.predict(model, train.view(fold.test())));
            values.forEach((name, v) -> perMetric.computeIfAbsent(name, k -> new ArrayList<>()).add(v));
        }
        context.progress().update("cross-validation", folds.size(), folds.size(), "done");
        perMetric.forEach((name, values) -> CrossValidationSummary.addTo(metrics, name, values));
        log.info("cross-validation (" + folds.size() + " folds): " + summary(metrics, "cv/"));
    }

    /**
     * Lets a model that shows itself in files ({@link ArtifactWriter}) write them into the run
     * directory, and returns their names (none for other models).
     */
    private List<String> writeArtifacts(Model model, Dataset shown, Path dir) {
        Model last = FinalStep.modelOf(model);
        if (!(last instanceof ArtifactWriter) && !(last instanceof TokenGenerator)) {
            return List.of();
        }
        Dataset prepared = FinalStep.of(model, shown).data();
        List<String> files = new ArrayList<>();
        try {
            if (last instanceof ArtifactWriter writer) {
                files.addAll(writer.writeArtifacts(prepared, dir, experiment.seed()));
            }
            if (last instanceof TokenGenerator generator) {
                files.add(GeneratedText.write(generator, prepared, tokenizer(generator), dir, experiment.seed()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the model's images and codes into " + dir + ": " + e.getMessage(), e);
        }
        if (!files.isEmpty()) {
            log.info("wrote " + String.join(", ", files));
        }
        return files;
    }

    /** The tokenizer the language model's training text was cut with, or null (tokens joined by spaces) when it records none. */
    private Tokenizer tokenizer(TokenGenerator generator) {
        Map<String, String> description = generator.schema().tokenizer();
        if (!description.containsKey("component")) {
            return null;
        }
        try {
            return SavedTokenizer.create(catalog, description, directory.path().resolve("model.grove"));
        } catch (IllegalArgumentException e) {
            // The text is still worth showing, its tokens joined by spaces.
            log.warn("generated text: " + e.getMessage() + "; joining its tokens with spaces");
            return null;
        }
    }

    /** Puts the metrics of {@code model} on {@code data} into {@code metrics} as {@code split/name}; returns the predictions. */
    private MetricInput evaluateSplit(String split, Model model, Dataset data, Map<String, Object> metrics) {
        MetricInput input = Evaluator.predict(model, data);
        evaluator.evaluate(input).forEach((name, value) -> metrics.put(split + "/" + name, MetricJson.of(value)));
        Evaluator.ownFigures(model, data, experiment.seed()).forEach((name, value) -> metrics.put(split + "/" + name, value));
        log.info(split + " (" + data.rows() + " rows): " + summary(metrics, split + "/"));
        return input;
    }

    private static String summary(Map<String, Object> metrics, String prefix) {
        List<String> parts = new ArrayList<>();
        metrics.forEach((k, v) -> {
            if (k.startsWith(prefix) && v instanceof Double d && !k.endsWith("/std")) {
                parts.add(k.substring(prefix.length()) + " " + String.format("%.4f", d));
            }
        });
        return parts.isEmpty() ? "(no applicable metrics)" : String.join(", ", parts);
    }

    private static void writeMetrics(Path file, Map<String, Object> metrics) {
        try {
            Files.writeString(file, JsonWriter.object(metrics));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
