package dev.grove.classical.tree;

import dev.grove.api.data.Schema;

/** How a split's quality is measured: Gini impurity or entropy for class targets, squared error for numeric ones. */
enum Criterion {
    GINI("gini"),
    ENTROPY("entropy"),
    MSE("mse");

    private final String label;

    Criterion(String label) {
        this.label = label;
    }

    /** The param text. */
    String label() {
        return label;
    }

    /** Whether this criterion measures class targets. */
    boolean forClasses() {
        return this != MSE;
    }

    /**
     * The criterion named by a param ({@code auto} picks gini for class targets, mse for numeric ones).
     *
     * @throws IllegalArgumentException if the criterion does not fit the schema's target
     */
    static Criterion resolve(String component, String param, Schema schema) {
        boolean classes = schema.isClassification();
        if (param.equals("auto")) {
            return classes ? GINI : MSE;
        }
        for (Criterion c : values()) {
            if (c.label.equals(param)) {
                if (c.forClasses() != classes) {
                    throw new IllegalArgumentException(component + ": criterion " + param + " needs a "
                            + (c.forClasses() ? "class" : "numeric") + " target, but target '" + schema.targetName()
                            + "' is " + (classes ? "a class target; use gini, entropy or auto"
                            : "numeric; use mse or auto"));
                }
                return c;
            }
        }
        throw new IllegalArgumentException("criterion must be one of auto, gini, entropy, mse, got '" + param + "'");
    }
}
