package dev.grove.loader.modelio;

import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.Provenance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a model.grove holds: what fitted the model, on what data, and its learned numbers.
 * Params and steps are deep-copied and made unmodifiable; equality compares {@link #state} by identity.
 *
 * @param component  the component name, e.g. {@code logistic-regression}, or {@code pipeline}
 * @param params     the component's resolved params by kebab-case key; empty for a pipeline
 * @param steps      for a pipeline, one map per step with at least {@code component} (a name) and
 *                   {@code params} (a map with kebab-case keys), plus any other plain values the
 *                   runtime keeps per step; empty otherwise
 * @param schema     the schema of the data the model was fitted on
 * @param provenance where the model came from
 * @param state      the learned arrays and attributes
 */
public record ModelFile(String component, Map<String, Object> params, List<Map<String, Object>> steps,
                        Schema schema, Provenance provenance, ModelState state) {

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException naming the part that cannot be saved, e.g. a params value that
     *                                  is not a plain string, number, boolean, list or map
     */
    public ModelFile {
        requireName(component, "component");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(state, "state");
        params = PlainValues.copyMap(Objects.requireNonNull(params, "params"), "params");
        requireKebabKeys(params, "params");
        steps = copySteps(Objects.requireNonNull(steps, "steps"));
        if (ModelFileFormat.PIPELINE.equals(component)) {
            if (steps.isEmpty() || !params.isEmpty()) {
                throw new IllegalArgumentException("a pipeline needs at least one step and no params of its own (its steps carry"
                        + " the params), got " + steps.size() + " steps and params " + PlainValues.abbreviate(params.keySet().toString()));
            }
        } else if (!steps.isEmpty()) {
            throw new IllegalArgumentException("only a '" + ModelFileFormat.PIPELINE + "' has steps, but component '"
                    + component + "' has " + steps.size());
        }
        provenance = checkedProvenance(Objects.requireNonNull(provenance, "provenance"));
    }

    /** Whether this is a fitted pipeline, whose {@link #steps} say what each step is. */
    public boolean isPipeline() {
        return ModelFileFormat.PIPELINE.equals(component);
    }

    private static List<Map<String, Object>> copySteps(List<Map<String, Object>> steps) {
        List<Map<String, Object>> out = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            String where = "steps[" + i + "]";
            Map<String, Object> step = PlainValues.copyMap(steps.get(i), where);
            Object name = step.get("component");
            if (!(name instanceof String)) {
                throw new IllegalArgumentException(where + ".component must be a component name, found " + PlainValues.describe(name));
            }
            requireName((String) name, where + ".component");
            if (!(step.get("params") instanceof Map<?, ?> stepParams)) {
                throw new IllegalArgumentException(where + ".params must be a map, found " + PlainValues.describe(step.get("params")));
            }
            requireKebabKeys(stepParams, where + ".params");
            out.add(step);
        }
        return Collections.unmodifiableList(out);
    }

    private static Provenance checkedProvenance(Provenance p) {
        requireName(p.component(), "provenance.component");
        requirePresent(p.dataFingerprint(), "provenance.data-fingerprint");
        requirePresent(p.groveVersion(), "provenance.grove-version");
        requirePresent(p.javaVersion(), "provenance.java-version");
        requirePresent(p.fittedAt(), "provenance.fitted-at");
        Map<String, Object> params = PlainValues.copyMap(Objects.requireNonNull(p.params(), "provenance.params"), "provenance.params");
        return new Provenance(p.component(), params, p.seed(), p.dataFingerprint(), p.groveVersion(), p.javaVersion(), p.fittedAt());
    }

    private static void requireName(String name, String where) {
        if (name == null || !ModelFileFormat.KEBAB.matcher(name).matches()) {
            throw new IllegalArgumentException(where + " must be a kebab-case component name such as 'logistic-regression', got "
                    + (name == null ? "null" : "'" + PlainValues.abbreviate(name) + "'"));
        }
    }

    private static void requirePresent(Object value, String where) {
        if (value == null) {
            throw new IllegalArgumentException(where + " is missing");
        }
    }

    private static void requireKebabKeys(Map<?, ?> map, String where) {
        for (Object key : map.keySet()) {
            if (!ModelFileFormat.KEBAB.matcher((String) key).matches()) {
                throw new IllegalArgumentException(where + " key '" + PlainValues.abbreviate((String) key)
                        + "' is not kebab-case (lower-case words joined by hyphens, e.g. 'max-iter')");
            }
        }
    }
}
