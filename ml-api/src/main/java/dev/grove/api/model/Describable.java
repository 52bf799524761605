package dev.grove.api.model;

import java.util.Optional;

/**
 * A fitted model that can say what it learned as text a person reads: a decision tree's split
 * rules, one indented line per branch. A run's report shows it; a model that predicts by a tree of
 * rules also gives the tree's structure, which the report draws.
 */
public interface Describable extends Model {

    /** The model as plain text, lines separated by {@code \n}; its size bounded (deep parts summarised). */
    String describe();

    /**
     * The root of the model's tree of rules, for a model that predicts by one (a decision tree); empty
     * for others, the default. The whole tree: a reader keeps or draws only as much of it as it needs.
     */
    default Optional<DecisionNode> decisionTree() {
        return Optional.empty();
    }
}
