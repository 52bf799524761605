/**
 * The contracts shared by every Grove family and by the runtime: data and splits, estimators and
 * models, metrics, the run context, and the plugin SPI with its params annotations; plus the core
 * plugin with what every family uses: the csv and synthetic data sources, preprocessing
 * transformers and the standard metrics.
 */
module dev.grove.api {
    requires transitive dev.grove.tensor;

    exports dev.grove.api.data;
    exports dev.grove.api.metric;
    exports dev.grove.api.model;
    exports dev.grove.api.params;
    exports dev.grove.api.preprocess;
    exports dev.grove.api.run;
    exports dev.grove.api.source;
    exports dev.grove.api.spi;
    exports dev.grove.api.text;

    // The shared data sources, transformers and metrics; dev.grove.api.internal stays unexported.
    provides dev.grove.api.spi.Plugin with dev.grove.api.internal.CorePlugin;
}
