package dev.grove.loader.run;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Model;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Predictions of a loaded model, for {@code grove predict}: the same CSV layout a run writes. */
public final class Predictions {

    private Predictions() {
    }

    /** Writes predictions for {@code rows} to {@code file}, or to {@code stdout} when file is null. */
    public static void write(Path file, Model model, Dataset rows, PrintWriter stdout) {
        if (file == null) {
            try {
                PredictionsCsv.writeTo(stdout, model, Evaluator.predict(model, rows));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write the predictions", e);
            }
            stdout.flush();
        } else {
            PredictionsCsv.write(file, model, Evaluator.predict(model, rows));
        }
    }
}
