/** Classical machine learning on float64 data. */
module dev.grove.classical {
    requires dev.grove.api;
}
