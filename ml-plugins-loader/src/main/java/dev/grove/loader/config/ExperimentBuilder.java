package dev.grove.loader.config;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.loader.config.ConfigNode.Entry;
import dev.grove.loader.config.ConfigNode.Mapping;
import dev.grove.loader.config.ConfigNode.Scalar;
import dev.grove.loader.config.ConfigNode.Sequence;
import dev.grove.loader.config.Experiment.CvConfig;
import dev.grove.loader.config.Experiment.DataConfig;
import dev.grove.loader.config.Experiment.EvaluateConfig;
import dev.grove.loader.config.Experiment.SplitConfig;
import dev.grove.loader.plugins.ComponentCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates an experiment's YAML tree (overrides already applied) section by section and builds the
 * {@link Experiment}, recording every problem rather than stopping at the first.
 *
 * <p>An experiment either ends its {@code pipeline} with an estimator, or describes a neural network
 * in a {@code model:} section (one layer component) with a {@code train:} section; the run's
 * estimator is then the {@value #NETWORK} estimator with those two sections as its {@code model}
 * and {@code train} params, after the transformers the pipeline lists, if any.
 */
final class ExperimentBuilder {

    /** The estimator that a model: section configures; the neural family registers it. */
    static final String NETWORK = "network";

    private static final List<String> TOP_KEYS = List.of("grove", "name", "seed", "data", "pipeline", "model", "train",
            "evaluate");
    private static final List<String> SPLIT_KEYS = List.of("test", "val", "stratify", "shuffle");
    private static final List<String> EVALUATE_KEYS = List.of("cv", "metrics");
    private static final List<String> CV_KEYS = List.of("folds", "stratify", "shuffle");
    /** Run names become folder names under runs/, so they are kept to safe characters. */
    private static final Pattern RUN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final int FORMAT_VERSION = 1;
    private static final String DATA_HINT = "where the data comes from, e.g. data: {source: csv, path: iris.csv, target: species}";
    private static final String PIPELINE_HINT =
            "transformers then one estimator, e.g. pipeline: [standard-scaler, logistic-regression],"
                    + " or a network: model: {sequential: [...]} with train: {...}";

    private final Path file;
    private final Mapping root;
    private final List<ConfigProblem> problems;
    private final ComponentCatalog catalog;
    private final ComponentEntries entries;
    private final ParamsBinder binder;

    ExperimentBuilder(ComponentCatalog catalog, Path file, Mapping root, List<ConfigProblem> problems) {
        this.file = file;
        this.root = root;
        this.problems = problems;
        this.catalog = catalog;
        this.entries = new ComponentEntries(catalog, problems);
        this.binder = new ParamsBinder(catalog, problems);
    }

    /** The experiment, or null if any problem was recorded (now or before). */
    Experiment build() {
        Section top = Section.of(root, "", TOP_KEYS, problems);
        checkVersion(top);
        String name = runName(top);
        long seed = top.read("seed", Long.class, 0L);
        DataConfig data = data(required(top, "data", DATA_HINT));
        boolean network = top.get("model") != null;
        if (!network && top.get("train") != null) {
            problems.add(keyOrigin(root, "train").problem("train: configures how a network trains and needs a model:"
                    + " section, e.g. model: {sequential: [dense, relu]}; a pipeline's estimator takes its params in the"
                    + " pipeline"));
        }
        List<ComponentRef> pipeline = network ? transformers(top.get("pipeline"))
                : pipeline(required(top, "pipeline", PIPELINE_HINT));
        ComponentRef networkRef = network ? network() : null;
        EvaluateConfig evaluate = evaluate(top.get("evaluate"));
        if (!problems.isEmpty()) {
            return null;
        }
        List<ComponentRef> steps = new ArrayList<>(pipeline);
        if (networkRef != null) {
            steps.add(networkRef);
        }
        return new Experiment(file, name, seed, data, List.copyOf(steps), evaluate,
                resolved(name, seed, data, pipeline, networkRef, evaluate));
    }

    private ConfigNode required(Section top, String key, String what) {
        ConfigNode node = top.get(key);
        if (node == null) {
            problems.add(Origin.of(file.toString()).problem("missing required key '" + key + "': " + what));
        }
        return node;
    }

    private void checkVersion(Section top) {
        if (required(top, "grove", "the format version; start the file with 'grove: 1'") == null) {
            return;
        }
        Integer version = top.read("grove", Integer.class, null);
        if (version != null && version != FORMAT_VERSION) {
            problems.add(top.get("grove").origin().problem("unsupported format version grove: " + version
                    + "; this Grove reads grove: " + FORMAT_VERSION));
        }
    }

    private String runName(Section top) {
        String fallback = defaultName();
        String name = top.read("name", String.class, fallback);
        if (!RUN_NAME.matcher(name).matches()) {
            problems.add(top.get("name").origin().problem("name '" + name + "' cannot name a run folder: use letters, digits,"
                    + " '.', '_' and '-', starting with a letter or digit, at most 100 characters"));
        }
        return name;
    }

    private String defaultName() {
        String fileName = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String stem = (dot > 0 ? fileName.substring(0, dot) : fileName).replaceAll("[^A-Za-z0-9._-]", "-");
        return RUN_NAME.matcher(stem).matches() ? stem : "experiment";
    }

    private DataConfig data(ConfigNode node) {
        if (node == null) {
            return null;
        }
        Mapping data = Section.mapping(node, node.origin(), "data", "a mapping such as {source: csv, path: ..., target: ...}",
                problems);
        if (data == null) {
            return null;
        }
        SplitConfig split = split(data.get("split"));
        ConfigNode sourceNode = data.get("source");
        if (sourceNode == null) {
            problems.add(keyOrigin(root, "data").problem("missing required key 'source' in data: the data source"
                    + ", e.g. source: csv"));
            return null;
        }
        if (!(sourceNode instanceof Scalar name) || name.type() != ScalarType.STRING) {
            problems.add(sourceNode.origin().problem("wrong type for data.source: expected the name of a data source, got "
                    + sourceNode.describe()));
            return null;
        }
        Component<?> source = entries.find(name, Kind.DATA_SOURCE, "data.source must name a data source");
        if (source == null) {
            return null;
        }
        Mapping params = new Mapping(new ArrayList<>(data.entries()), data.origin());
        params.entries().removeIf(e -> e.key().text().equals("source") || e.key().text().equals("split"));
        ComponentRef ref = binder.bind(source, params, name.origin(), "data (" + source.name() + " params)",
                List.of("source", "split"));
        return ref == null ? null : new DataConfig(ref, split);
    }

    private SplitConfig split(ConfigNode node) {
        if (node == null || node instanceof Scalar s && s.isNull()) {
            return null;
        }
        Mapping mapping = Section.mapping(node, node.origin(), "data.split", "a mapping such as {test: 0.2, stratify: true}",
                problems);
        if (mapping == null) {
            return null;
        }
        Section split = Section.of(mapping, "data.split", SPLIT_KEYS, problems);
        double test = share(split, "test", 0.2);
        double val = share(split, "val", 0.0);
        if (test < 1 && val < 1 && test + val >= 1) {
            problems.add(split.origin().problem("data.split: test " + test + " and val " + val
                    + " leave no rows for training; as fractions they must add up to less than 1"));
        }
        return new SplitConfig(test, val, split.read("stratify", Boolean.class, null), split.read("shuffle", Boolean.class, true));
    }

    /** A share of rows: a fraction in [0, 1) or a whole row count of at least 1. */
    private double share(Section split, String key, double fallback) {
        double value = split.read(key, Double.class, fallback);
        boolean fraction = value >= 0 && value < 1;
        boolean count = value >= 1 && value == Math.rint(value) && !Double.isInfinite(value);
        if (!fraction && !count) {
            problems.add(split.get(key).origin().problem(split.path(key) + " must be a fraction in [0, 1) or a whole number"
                    + " of rows >= 1, got " + split.get(key).describe()));
            return fallback;
        }
        return value;
    }

    private List<ComponentRef> pipeline(ConfigNode node) {
        List<ComponentRef> refs = new ArrayList<>();
        if (node == null) {
            return refs;
        }
        if (!(node instanceof Sequence steps)) {
            problems.add(node.origin().problem("wrong type for pipeline: expected a list of transformers ending with one"
                    + " estimator, got " + node.describe()));
            return refs;
        }
        if (steps.items().isEmpty()) {
            problems.add(node.origin().problem("the pipeline is empty; it needs at least an estimator, e.g. '- logistic-regression'"));
            return refs;
        }
        int n = steps.items().size();
        for (int i = 0; i < n; i++) {
            boolean last = i == n - 1;
            ComponentEntries.Parsed step = entries.parse(steps.items().get(i), "pipeline step " + (i + 1));
            if (step == null) {
                continue;
            }
            Component<?> component = last
                    ? entries.find(step.name(), Kind.ESTIMATOR, "the last pipeline step must be an estimator")
                    : entries.find(step.name(), Kind.TRANSFORMER,
                    "the steps before the last must be transformers (only the last pipeline step may be an estimator)");
            if (component != null) {
                ComponentRef ref = binder.bindEntry(step, component);
                if (ref != null) {
                    refs.add(ref);
                }
            }
        }
        return refs;
    }

    /** With a model: section, the pipeline (optional, possibly empty) lists the transformers that run before the network. */
    private List<ComponentRef> transformers(ConfigNode node) {
        List<ComponentRef> refs = new ArrayList<>();
        if (node == null || node instanceof Scalar s && s.isNull()) {
            return refs;
        }
        if (!(node instanceof Sequence steps)) {
            problems.add(node.origin().problem("wrong type for pipeline: expected a list of the transformers that run before"
                    + " the network, got " + node.describe()));
            return refs;
        }
        for (int i = 0; i < steps.items().size(); i++) {
            ComponentEntries.Parsed step = entries.parse(steps.items().get(i), "pipeline step " + (i + 1));
            if (step == null) {
                continue;
            }
            Component<?> component = entries.find(step.name(), Kind.TRANSFORMER, "with a model: section the pipeline lists"
                    + " only the transformers that run before the network");
            ComponentRef ref = component == null ? null : binder.bindEntry(step, component);
            if (ref != null && component.kind() == Kind.TRANSFORMER) {
                refs.add(ref);
            }
        }
        return refs;
    }

    /**
     * The {@value #NETWORK} estimator bound from the model: and train: sections, which are its
     * {@code model} and {@code train} params.
     */
    private ComponentRef network() {
        Origin at = keyOrigin(root, "model");
        Optional<ComponentCatalog.Entry> network = catalog.find(Kind.ESTIMATOR, NETWORK);
        if (network.isEmpty()) {
            problems.add(at.problem("model: describes a neural network, which needs the neural plugin (grove-neural, the"
                    + " module dev.grove.neural): no '" + NETWORK + "' estimator is registered; put ml-neural on the module"
                    + " path or give its folder with --plugins"));
            return null;
        }
        Mapping params = new Mapping(root.origin());
        for (String key : List.of("model", "train")) {
            Entry entry = root.entry(key);
            if (entry != null) {
                params.put(entry.key(), entry.value());
            }
        }
        return binder.bind(network.get().component(), params, at, "", List.of());
    }

    private EvaluateConfig evaluate(ConfigNode node) {
        Mapping mapping = Section.mapping(node, root.origin(), "evaluate", "a mapping such as {cv: {folds: 5}, metrics: [accuracy]}",
                problems);
        if (mapping == null) {
            return new EvaluateConfig(null, List.of());
        }
        Section evaluate = Section.of(mapping, "evaluate", EVALUATE_KEYS, problems);
        return new EvaluateConfig(cv(evaluate.get("cv")), metrics(evaluate.get("metrics")));
    }

    private CvConfig cv(ConfigNode node) {
        if (node == null || node instanceof Scalar s && s.isNull()) {
            return null;
        }
        Mapping mapping = Section.mapping(node, node.origin(), "evaluate.cv", "a mapping such as {folds: 5, stratify: true}",
                problems);
        if (mapping == null) {
            return null;
        }
        Section cv = Section.of(mapping, "evaluate.cv", CV_KEYS, problems);
        int folds = cv.read("folds", Integer.class, 5);
        if (folds < 2) {
            problems.add(cv.get("folds").origin().problem("evaluate.cv.folds must be >= 2, got " + folds));
        }
        return new CvConfig(folds, cv.read("stratify", Boolean.class, null), cv.read("shuffle", Boolean.class, true));
    }

    private List<ComponentRef> metrics(ConfigNode node) {
        List<ComponentRef> refs = new ArrayList<>();
        if (node == null || node instanceof Scalar s && s.isNull()) {
            return refs;
        }
        if (!(node instanceof Sequence list)) {
            problems.add(node.origin().problem("wrong type for evaluate.metrics: expected a list of metric names, got "
                    + node.describe() + (node instanceof Scalar ? " (write [" + ((Scalar) node).text() + "])" : "")));
            return refs;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            ComponentEntries.Parsed metric = entries.parse(list.items().get(i), "metric " + (i + 1));
            if (metric == null) {
                continue;
            }
            if (!seen.add(metric.name().text())) {
                problems.add(metric.name().origin().problem("metric '" + metric.name().text() + "' is listed twice"));
                continue;
            }
            Component<?> component = entries.find(metric.name(), Kind.METRIC, "evaluate.metrics lists metrics only");
            if (component != null) {
                ComponentRef ref = binder.bindEntry(metric, component);
                if (ref != null) {
                    refs.add(ref);
                }
            }
        }
        return List.copyOf(refs);
    }

    private static Origin keyOrigin(Mapping mapping, String key) {
        Entry entry = mapping.entry(key);
        return entry == null ? mapping.origin() : entry.key().origin();
    }

    /** The whole configuration as plain nested maps and lists, for the run's config.yaml. */
    private static Map<String, Object> resolved(String name, long seed, DataConfig data, List<ComponentRef> pipeline,
                                                ComponentRef network, EvaluateConfig evaluate) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("grove", FORMAT_VERSION);
        out.put("name", name);
        out.put("seed", seed);
        Map<String, Object> dataMap = new LinkedHashMap<>();
        dataMap.put("source", data.source().name());
        dataMap.putAll(data.source().resolved());
        if (data.split() != null) {
            Map<String, Object> split = new LinkedHashMap<>();
            split.put("test", data.split().test());
            split.put("val", data.split().validation());
            putIfPresent(split, "stratify", data.split().stratify());
            split.put("shuffle", data.split().shuffle());
            dataMap.put("split", Collections.unmodifiableMap(split));
        }
        out.put("data", Collections.unmodifiableMap(dataMap));
        if (network == null || !pipeline.isEmpty()) {
            out.put("pipeline", pipeline.stream().map(ExperimentBuilder::entry).toList());
        }
        if (network != null) {
            // The network's own params are the sections they were written as.
            network.resolved().forEach(out::put);
        }
        Map<String, Object> evaluateMap = new LinkedHashMap<>();
        if (evaluate.cv() != null) {
            Map<String, Object> cv = new LinkedHashMap<>();
            cv.put("folds", evaluate.cv().folds());
            putIfPresent(cv, "stratify", evaluate.cv().stratify());
            cv.put("shuffle", evaluate.cv().shuffle());
            evaluateMap.put("cv", Collections.unmodifiableMap(cv));
        }
        evaluateMap.put("metrics", evaluate.metrics().stream().map(ExperimentBuilder::entry).toList());
        out.put("evaluate", Collections.unmodifiableMap(evaluateMap));
        return Collections.unmodifiableMap(out);
    }

    /** A component as written in a file: its bare name, or {@code name: {params}}. */
    private static Object entry(ComponentRef ref) {
        return ref.resolved().isEmpty() ? ref.name() : Collections.singletonMap(ref.name(), ref.resolved());
    }

    /** Stratification left to the task (null) is omitted, so config.yaml says only what was decided. */
    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
