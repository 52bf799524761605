/**
 * Support vector machines: the kernel classifier {@code svm} (libsvm's SMO, one-vs-one) and the
 * linear classifier {@code linear-svm} (liblinear's dual coordinate descent, one-vs-rest), with
 * their params records and fitted models.
 */
package dev.grove.classical.svm;
