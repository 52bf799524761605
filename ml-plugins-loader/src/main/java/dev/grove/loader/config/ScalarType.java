package dev.grove.loader.config;

/** What a YAML scalar resolved to under {@link StrictResolver}'s rules (YAML 1.2 core, not 1.1). */
enum ScalarType {
    STRING("string"),
    INT("int"),
    FLOAT("number"),
    BOOLEAN("boolean"),
    NULL("null");

    private final String label;

    ScalarType(String label) {
        this.label = label;
    }

    /** The name used in messages ("expected int, got number 1.5"). */
    String label() {
        return label;
    }
}
