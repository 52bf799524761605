package dev.grove.loader.modelio;

import java.util.regex.Pattern;

/** The fixed names of the model.grove layout, shared by the writer and the reader. */
final class ModelFileFormat {

    /** The zip entry with the component name, params, schema, provenance and attributes. */
    static final String YAML_ENTRY = "model.yaml";
    /** The zip entry with the arrays, in the safetensors layout. */
    static final String TENSORS_ENTRY = "tensors.safetensors";
    /** The value of {@code format} in model.yaml. */
    static final String FORMAT_NAME = "grove-model";
    /** The value of {@code format} in the model.yaml of a state file (a training checkpoint). */
    static final String STATE_FORMAT_NAME = "grove-state";
    /** The only {@code format-version} this code writes and reads. */
    static final int FORMAT_VERSION = 1;
    /** The component name of a fitted pipeline, whose params are its steps. */
    static final String PIPELINE = "pipeline";

    /** Component names and params keys: lower-case words joined by hyphens, as {@code Params.kebab} makes them. */
    static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private ModelFileFormat() {
    }
}
