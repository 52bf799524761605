/** The contracts shared by every Grove family and by the runtime. */
module dev.grove.api {
    requires transitive dev.grove.tensor;
}
