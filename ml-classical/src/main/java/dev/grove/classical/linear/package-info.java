/** Linear models: logistic (softmax) regression, with its params record and fitted model. */
package dev.grove.classical.linear;
