/**
 * Decision trees (CART, as scikit-learn's best splitter) and random forests, for class and numeric
 * targets. A fitted tree is a handful of parallel arrays, prints itself as indented text
 * ({@link dev.grove.classical.tree.DecisionTreeModel#toText()}) and reports feature importances.
 */
package dev.grove.classical.tree;
