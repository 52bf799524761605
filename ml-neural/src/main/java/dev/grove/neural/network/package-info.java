/**
 * The neural family's estimators: {@code network} (an experiment's {@code model:} layers trained as
 * its {@code train:} section says, with {@code init-from} and {@code freeze} for transfer learning,
 * and a Keras-style summary) and {@code mlp} (a multilayer perceptron for tables, usable in a
 * classical pipeline), and the fitted {@link dev.grove.neural.network.NetworkModel} they return.
 */
package dev.grove.neural.network;
