/**
 * The contracts shared by every Grove family and by the runtime: data and splits, estimators and
 * models, metrics, the run context, and the plugin SPI with its params annotations.
 */
module dev.grove.api {
    requires transitive dev.grove.tensor;

    exports dev.grove.api.data;
    exports dev.grove.api.metric;
    exports dev.grove.api.model;
    exports dev.grove.api.params;
    exports dev.grove.api.run;
    exports dev.grove.api.spi;
}
