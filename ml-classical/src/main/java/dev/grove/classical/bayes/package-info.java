/** Naive Bayes classifiers: Gaussian, multinomial and Bernoulli naive Bayes, with their params records and fitted models. */
package dev.grove.classical.bayes;
