package dev.grove.neural.train;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.storage.TensorStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The L2 norm of each layer's parameter gradients, measured every step and averaged per epoch into
 * {@code grad-norm/<layer path>} figures: where gradients vanish or explode shows layer by layer.
 * Only layers with unfrozen parameters are measured; the root layer's path is its kind.
 */
final class GradientNorms {

    /** One layer's unfrozen parameters with their full names. */
    private record LayerGradients(String key, List<String> names, List<Parameter> parameters) {
    }

    private final List<LayerGradients> layers = new ArrayList<>();
    private final List<Parameter> trainable = new ArrayList<>();
    private final double[] stepSquares;
    private final double[] epochNormSums;
    private int epochSteps;

    GradientNorms(Layer root) {
        for (Layers.Named named : Layers.walk(root)) {
            List<String> names = new ArrayList<>();
            List<Parameter> parameters = new ArrayList<>();
            for (Parameter p : named.layer().parameters()) {
                if (!p.frozen()) {
                    names.add(named.path().isEmpty() ? p.name() : named.path() + "." + p.name());
                    parameters.add(p);
                }
            }
            if (!parameters.isEmpty()) {
                String path = named.path().isEmpty() ? named.layer().kind() : named.path();
                layers.add(new LayerGradients("grad-norm/" + path, List.copyOf(names), List.copyOf(parameters)));
                trainable.addAll(parameters);
            }
        }
        stepSquares = new double[layers.size()];
        epochNormSums = new double[layers.size()];
    }

    /** The unfrozen parameters, in walk order. */
    List<Parameter> trainable() {
        return trainable;
    }

    /** The history keys, in walk order. */
    List<String> keys() {
        return layers.stream().map(LayerGradients::key).toList();
    }

    /**
     * Measures the current gradients (a parameter without one counts as zero).
     *
     * @return the global norm over all layers, infinite or NaN exactly when some gradient value is not finite
     */
    double measure() {
        double total = 0;
        for (int i = 0; i < layers.size(); i++) {
            double squares = 0;
            for (Parameter p : layers.get(i).parameters) {
                Tensor grad = p.value().grad();
                if (grad != null) {
                    squares += sumOfSquares(TensorStorage.data(grad));
                }
            }
            stepSquares[i] = squares;
            total += squares;
        }
        return Math.sqrt(total);
    }

    /**
     * Σv² in double, read in place (no copy, no allocation). A float squared never overflows a
     * double, so the sum is finite exactly when every value is. Four running sums in a fixed order
     * keep the loop fast and the result independent of anything but the values.
     */
    private static double sumOfSquares(float[] values) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < values.length; i += 4) {
            double v0 = values[i];
            double v1 = values[i + 1];
            double v2 = values[i + 2];
            double v3 = values[i + 3];
            s0 += v0 * v0;
            s1 += v1 * v1;
            s2 += v2 * v2;
            s3 += v3 * v3;
        }
        for (; i < values.length; i++) {
            double v = values[i];
            s0 += v * v;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Adds the last measured step to the epoch's means. */
    void accumulate() {
        for (int i = 0; i < layers.size(); i++) {
            epochNormSums[i] += Math.sqrt(stepSquares[i]);
        }
        epochSteps++;
    }

    /** Puts each layer's mean norm over the epoch's steps into {@code figures} and starts a new epoch. */
    void drainEpochInto(Map<String, Double> figures) {
        for (int i = 0; i < layers.size(); i++) {
            figures.put(layers.get(i).key, epochSteps == 0 ? 0.0 : epochNormSums[i] / epochSteps);
            epochNormSums[i] = 0;
        }
        epochSteps = 0;
    }

    /**
     * The first parameter, in walk order, whose gradient holds a NaN or infinite value, described as
     * "layer PATH, parameter FULL-NAME", or null if every gradient is finite.
     */
    String firstNonFinite() {
        for (LayerGradients layer : layers) {
            for (int j = 0; j < layer.parameters.size(); j++) {
                Tensor grad = layer.parameters.get(j).value().grad();
                if (grad != null && !allFinite(TensorStorage.data(grad))) {
                    return "layer " + layer.key.substring("grad-norm/".length()) + ", parameter " + layer.names.get(j);
                }
            }
        }
        return null;
    }

    private static boolean allFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
