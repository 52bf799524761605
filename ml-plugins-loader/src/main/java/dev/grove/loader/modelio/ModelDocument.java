package dev.grove.loader.modelio;

import dev.grove.api.data.Schema;
import dev.grove.api.model.Provenance;
import java.util.List;
import java.util.Map;

/**
 * The contents of model.yaml, type-checked but not yet joined with the tensors. A state file's
 * document ({@link #ofState}) has only attributes, tensors and their SHA-256; its other parts are null.
 *
 * @param component     the component name
 * @param params        the params (empty for a pipeline)
 * @param steps         the pipeline steps (empty unless a pipeline)
 * @param schema        the training data's schema
 * @param provenance    where the model came from
 * @param attributes    the model state's string attributes
 * @param tensors       the names of the arrays tensors.safetensors must hold, in state order
 * @param tensorsSha256 the lower-case hex SHA-256 of tensors.safetensors
 */
record ModelDocument(String component, Map<String, Object> params, List<Map<String, Object>> steps, Schema schema,
                     Provenance provenance, Map<String, String> attributes, List<String> tensors, String tensorsSha256) {

    /** The document of a state file. */
    static ModelDocument ofState(Map<String, String> attributes, List<String> tensors, String tensorsSha256) {
        return new ModelDocument(null, null, null, null, null, attributes, tensors, tensorsSha256);
    }

    /** Whether this is a state file's document rather than a saved model's. */
    boolean isState() {
        return component == null;
    }
}
