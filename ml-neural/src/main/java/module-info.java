/** Neural networks built on the tensor autograd. */
module dev.grove.neural {
    requires transitive dev.grove.api;
}
