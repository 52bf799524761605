package dev.grove.api.model;

/**
 * A fitted model that can say what it learned as text a person reads: a decision tree's split
 * rules, one indented line per branch. A run's report shows it.
 */
public interface Describable extends Model {

    /** The model as plain text, lines separated by {@code \n}; its size bounded (deep parts summarised). */
    String describe();
}
