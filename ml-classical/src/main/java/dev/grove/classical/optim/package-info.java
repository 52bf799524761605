/** Numerical optimisers shared by the classical estimators, usable on their own. */
package dev.grove.classical.optim;
