package dev.grove.loader.run;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Model;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.PipelineModel;
import dev.grove.api.model.Provenance;
import dev.grove.api.model.Transformer;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.api.spi.ModelRestorer;
import dev.grove.loader.cli.GroveVersion;
import dev.grove.loader.config.ComponentRef;
import dev.grove.loader.config.Experiment;
import dev.grove.loader.config.ParamsBinder;
import dev.grove.loader.modelio.ModelFile;
import dev.grove.loader.modelio.ModelFileException;
import dev.grove.loader.modelio.ModelFileReader;
import dev.grove.loader.modelio.ModelFileWriter;
import dev.grove.loader.plugins.ComponentCatalog;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves fitted models as {@code model.grove} and loads them back. Loading resolves component names
 * through the plugin catalog and rebuilds params with the same binder as experiment files — never
 * a class name from the file.
 */
public final class ModelStore {

    /** The component name recorded for a fitted pipeline of several steps. */
    static final String PIPELINE = "pipeline";

    private final ComponentCatalog catalog;

    /** Uses {@code catalog} to find restorers. */
    @Inject
    public ModelStore(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    /** Writes {@code model}, fitted by {@code experiment} on {@code train}, atomically to {@code file}. */
    void save(Path file, Model model, Experiment experiment, Dataset train) {
        List<ComponentRef> refs = experiment.pipeline();
        boolean single = refs.size() == 1;
        Map<String, Object> params = single ? refs.get(0).resolved() : Map.of();
        List<Map<String, Object>> steps = new ArrayList<>();
        if (!single) {
            PipelineModel pipeline = (PipelineModel) model;
            for (int i = 0; i < refs.size(); i++) {
                Model stepModel = i < pipeline.steps().size() ? pipeline.steps().get(i) : pipeline.last();
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("component", refs.get(i).name());
                step.put("params", refs.get(i).resolved());
                step.put("schema", SchemaMaps.toMap(stepModel.schema()));
                steps.add(step);
            }
        }
        String component = single ? refs.get(0).name() : PIPELINE;
        Map<String, Object> provenanceParams = new LinkedHashMap<>();
        for (String section : List.of("pipeline", "model", "train")) {
            if (experiment.resolved().containsKey(section)) {
                provenanceParams.put(section, experiment.resolved().get(section));
            }
        }
        Provenance provenance = new Provenance(component, provenanceParams, experiment.seed(), train.fingerprint(),
                GroveVersion.current(), Runtime.version().toString(), Instant.now());
        ModelFileWriter.write(file, new ModelFile(component, params, steps, model.schema(), provenance, model.state()));
    }

    /**
     * Loads a saved model.
     *
     * @throws ModelFileException if the file is damaged or names components this Grove does not have
     */
    public Model load(Path file) {
        ModelFile saved = ModelFileReader.read(file);
        if (!PIPELINE.equals(saved.component())) {
            return restore(file, saved.component(), saved.params(), saved.schema(), saved.state(), Kind.ESTIMATOR, Kind.TRANSFORMER);
        }
        List<Transformer> transformers = new ArrayList<>();
        Model last = null;
        List<Map<String, Object>> steps = saved.steps();
        for (int i = 0; i < steps.size(); i++) {
            Map<String, Object> step = steps.get(i);
            String name = String.valueOf(step.get("component"));
            @SuppressWarnings("unchecked")
            Map<String, Object> params = step.get("params") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            Schema schema = SchemaMaps.fromMap(step.get("schema"), file);
            ModelState state = subState(saved.state(), "step-" + i + ".");
            boolean isLast = i == steps.size() - 1;
            Model restored = isLast
                    ? restore(file, name, params, schema, state, Kind.ESTIMATOR, Kind.TRANSFORMER)
                    : restore(file, name, params, schema, state, Kind.TRANSFORMER);
            if (isLast) {
                last = restored;
            } else if (restored instanceof Transformer t) {
                transformers.add(t);
            } else {
                throw new ModelFileException(file + ": pipeline step " + i + " ('" + name + "') is not a transformer");
            }
        }
        if (last == null) {
            throw new ModelFileException(file + ": the pipeline has no steps");
        }
        return PipelineModel.of(transformers, last, saved.schema());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Model restore(Path file, String name, Map<String, Object> params, Schema schema, ModelState state, Kind... kinds) {
        ComponentCatalog.Entry entry = catalog.find(name, kinds).orElseThrow(() -> new ModelFileException(file
                + ": the model was made by component '" + name + "', which no loaded plugin provides (is its plugin missing? try --plugins DIR)"));
        Component component = entry.component();
        Record boundParams = ParamsBinder.bindMap(catalog, component, params, file.toString());
        ModelRestorer restorer = component.restorer();
        try {
            return restorer.restore(boundParams, schema, state);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file + ": cannot restore '" + name + "': " + e.getMessage());
        }
    }

    private static ModelState subState(ModelState all, String prefix) {
        ModelState.Builder b = ModelState.builder();
        all.arrays().forEach((name, array) -> {
            if (name.startsWith(prefix)) {
                b.add(name.substring(prefix.length()), array);
            }
        });
        all.attributes().forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                b.attribute(name.substring(prefix.length()), value);
            }
        });
        return b.build();
    }
}
