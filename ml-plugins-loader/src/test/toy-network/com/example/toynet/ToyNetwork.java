package com.example.toynet;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Estimator;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.Summarized;
import dev.grove.api.model.Summary;
import dev.grove.api.run.RunContext;
import dev.grove.api.run.StateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A toy network: its layers only shape the summary; it trains a softmax regression on the flattened
 * samples by full-batch gradient descent, an epoch per step, recording train and validation loss,
 * checkpointing every few epochs through the run's state files and continuing from the latest
 * checkpoint when the run resumes. A non-finite loss stops training with a message.
 */
public final class ToyNetwork implements Estimator<ToyModel>, Summarized {

    private final ToyParams.Network params;

    /** A network with these params. */
    public ToyNetwork(ToyParams.Network params) {
        this.params = params;
    }

    @Override
    public ToyModel fit(Dataset data, RunContext context) {
        return fit(data, null, context);
    }

    @Override
    public ToyModel fit(Dataset data, Dataset validation, RunContext context) {
        int f = data.featureCount();
        int k = data.schema().classLabels().size();
        double[] w = new double[(f + 1) * k];
        int first = 1;
        Path checkpoint = context.runDirectory().map(d -> d.resolve("checkpoints").resolve("last.state")).orElse(null);
        StateFiles files = context.stateFiles().orElseThrow();
        if (context.isResuming() && checkpoint != null && Files.exists(checkpoint)) {
            ModelState state = read(files, checkpoint);
            w = state.doubles("weights", f + 1, k);
            first = Integer.parseInt(state.attribute("epoch")) + 1;
        }
        ToyParams.Train train = params.train();
        for (int epoch = first; epoch <= train.epochs(); epoch++) {
            double loss = step(data, w, f, k, train.optimizer().lr());
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("training stopped at epoch " + epoch + ": the loss is " + loss
                        + "; lower the learning rate");
            }
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("train/loss", loss);
            if (validation != null) {
                figures.put("val/loss", loss(validation, w, f, k));
            }
            context.recordHistory(epoch, figures);
            context.progress().update("train", epoch, train.epochs(), String.format(Locale.ROOT, "loss %.4f", loss));
            if (checkpoint != null && train.checkpoint() > 0 && epoch % train.checkpoint() == 0) {
                write(files, checkpoint, ModelState.builder().put("weights", w, f + 1, k)
                        .attribute("epoch", Integer.toString(epoch)).build());
            }
            if (epoch == train.interruptAfter() && !context.isResuming()) {
                throw new IllegalStateException("simulated interruption after epoch " + epoch);
            }
        }
        return new ToyModel(data.schema(), w);
    }

    /** One gradient step on all rows; returns the loss before it. */
    private static double step(Dataset data, double[] w, int f, int k, double lr) {
        double[] gradient = new double[w.length];
        double[] x = new double[f];
        double total = 0;
        for (int i = 0; i < data.rows(); i++) {
            data.row(i, x);
            double[] p = ToyModel.probabilities(x, w, f, k);
            int y = data.label(i);
            total -= Math.log(p[y]);
            for (int c = 0; c < k; c++) {
                double error = (p[c] - (c == y ? 1 : 0)) / data.rows();
                for (int j = 0; j < f; j++) {
                    gradient[j * k + c] += error * x[j];
                }
                gradient[f * k + c] += error;
            }
        }
        for (int i = 0; i < w.length; i++) {
            w[i] -= lr * gradient[i];
        }
        return total / data.rows();
    }

    private static double loss(Dataset data, double[] w, int f, int k) {
        double[] x = new double[f];
        double total = 0;
        for (int i = 0; i < data.rows(); i++) {
            data.row(i, x);
            total -= Math.log(ToyModel.probabilities(x, w, f, k)[data.label(i)]);
        }
        return total / data.rows();
    }

    private static ModelState read(StateFiles files, Path file) {
        try {
            return files.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static void write(StateFiles files, Path file, ModelState state) {
        try {
            Files.createDirectories(file.getParent());
            files.write(file, state);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    @Override
    public Summary summary(Schema schema) {
        List<ToyLayer> layers = params.model() instanceof ToyLayer.Sequential s ? s.layers() : List.of(params.model());
        List<String> freeze = params.train().freeze();
        int frozenCount = freeze.size() == 1 && freeze.get(0).matches("[0-9]+") ? Integer.parseInt(freeze.get(0)) : 0;
        Map<String, Integer> counts = new HashMap<>();
        List<Summary.Row> rows = new ArrayList<>();
        int[] shape = schema.sampleShapeArray();
        long total = 0;
        long frozen = 0;
        for (int i = 0; i < layers.size(); i++) {
            ToyLayer layer = layers.get(i);
            String name = layer.kind() + "-" + counts.merge(layer.kind(), 1, Integer::sum);
            long parameters = layer.parameters(shape);
            shape = layer.outputShape(shape);
            List<Integer> out = new ArrayList<>();
            for (int d : shape) {
                out.add(d);
            }
            rows.add(new Summary.Row(name, layer.kind(), out, parameters));
            total += parameters;
            if (i < frozenCount || freeze.contains(name)) {
                frozen += parameters;
            }
        }
        return new Summary(rows, total, total - frozen);
    }
}
