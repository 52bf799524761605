/** Dimensionality reduction: principal component analysis, with its params record and fitted model. */
package dev.grove.classical.decomposition;
