package dev.grove.api.internal;

import dev.grove.api.metric.StandardMetrics;
import dev.grove.api.preprocess.MinMaxScaler;
import dev.grove.api.preprocess.MinMaxScalerModel;
import dev.grove.api.preprocess.MinMaxScalerParams;
import dev.grove.api.preprocess.OneHotEncoder;
import dev.grove.api.preprocess.OneHotEncoderModel;
import dev.grove.api.preprocess.OneHotEncoderParams;
import dev.grove.api.preprocess.SimpleImputer;
import dev.grove.api.preprocess.SimpleImputerModel;
import dev.grove.api.preprocess.SimpleImputerParams;
import dev.grove.api.preprocess.StandardScaler;
import dev.grove.api.preprocess.StandardScalerModel;
import dev.grove.api.preprocess.StandardScalerParams;
import dev.grove.api.source.CsvParams;
import dev.grove.api.source.CsvSource;
import dev.grove.api.source.SyntheticParams;
import dev.grove.api.source.SyntheticSource;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.GroveApi;
import dev.grove.api.spi.Plugin;
import dev.grove.api.spi.Registry;

/**
 * The components every family shares, shipped with the API itself: the csv and synthetic data
 * sources, the scalers, imputer and one-hot encoder, and the standard metrics.
 */
public final class CorePlugin implements Plugin {

    /** The plugin id. */
    public static final String ID = "grove-core";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String apiVersion() {
        return GroveApi.VERSION;
    }

    @Override
    public void register(Registry registry) {
        registerSources(registry);
        registerTransformers(registry);
        registerMetrics(registry);
    }

    private static void registerSources(Registry r) {
        r.register(Component.dataSource("csv", CsvParams.class, CsvSource::new,
                "a CSV file with a header row, or a fixed train/test pair of them"));
        r.register(Component.dataSource("synthetic", SyntheticParams.class, SyntheticSource::new,
                "seeded generated data: Gaussian blobs, classes, a linear regression or two moons"));
    }

    private static void registerTransformers(Registry r) {
        r.register(Component.transformer("standard-scaler", StandardScalerParams.class, StandardScaler::new,
                StandardScalerModel::restore, "centres each column on its mean and scales it to unit standard deviation"));
        r.register(Component.transformer("min-max-scaler", MinMaxScalerParams.class, MinMaxScaler::new,
                MinMaxScalerModel::restore, "maps each column's fitted minimum and maximum onto a fixed range"));
        r.register(Component.transformer("one-hot-encoder", OneHotEncoderParams.class, OneHotEncoder::new,
                OneHotEncoderModel::restore, "replaces numeric-coded categorical columns by one indicator column per category"));
        r.register(Component.transformer("simple-imputer", SimpleImputerParams.class, SimpleImputer::new,
                SimpleImputerModel::restore, "fills missing (NaN) values with each column's mean, median, most frequent value or a constant"));
    }

    private static void registerMetrics(Registry r) {
        r.register(Component.metric("accuracy", StandardMetrics.accuracy(), "fraction of rows whose class is predicted correctly"));
        r.register(Component.metric("precision-macro", StandardMetrics.precisionMacro(), "precision averaged over classes"));
        r.register(Component.metric("precision-weighted", StandardMetrics.precisionWeighted(),
                "precision averaged over classes, weighted by each class's number of true rows"));
        r.register(Component.metric("recall-macro", StandardMetrics.recallMacro(), "recall averaged over classes"));
        r.register(Component.metric("recall-weighted", StandardMetrics.recallWeighted(),
                "recall averaged over classes, weighted by each class's number of true rows"));
        r.register(Component.metric("f1-macro", StandardMetrics.f1Macro(), "F1 score averaged over classes"));
        r.register(Component.metric("f1-weighted", StandardMetrics.f1Weighted(),
                "F1 score averaged over classes, weighted by each class's number of true rows"));
        r.register(Component.metric("confusion-matrix", StandardMetrics.confusionMatrix(),
                "counts of true classes (rows) against predicted classes (columns)"));
        r.register(Component.metric("log-loss", StandardMetrics.logLoss(),
                "mean negative log of the probability given to the true class (natural log)"));
        r.register(Component.metric("perplexity", StandardMetrics.perplexity(),
                "exp(log-loss): a language model's perplexity over the tokens of a stream (k for a uniform guess among k)"));
        r.register(Component.metric("roc-auc", StandardMetrics.rocAuc(),
                "area under the ROC curve of the class-1 probability (two classes only)"));
        r.register(Component.metric("mse", StandardMetrics.mse(), "mean squared error of a regression"));
        r.register(Component.metric("rmse", StandardMetrics.rmse(), "root mean squared error of a regression"));
        r.register(Component.metric("mae", StandardMetrics.mae(), "mean absolute error of a regression"));
        r.register(Component.metric("r2", StandardMetrics.r2(), "coefficient of determination of a regression"));
        r.register(Component.metric("silhouette", StandardMetrics.silhouette(),
                "mean silhouette coefficient of the predicted clusters (Euclidean)"));
        r.register(Component.metric("inertia", StandardMetrics.inertia(),
                "sum of squared distances of rows to the centroid of their predicted cluster"));
    }
}
