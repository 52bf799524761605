/** Naive Bayes classifiers: Gaussian naive Bayes, with its params record and fitted model. */
package dev.grove.classical.bayes;
