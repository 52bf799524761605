package dev.grove.neural.layer;

import dev.grove.tensor.CustomOp;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.ThreadBudget;
import dev.grove.tensor.storage.TensorStorage;
import java.util.List;

/**
 * A built {@code layer-norm} layer; gamma starts at 1 and beta at 0, both of the last axis's size.
 * Each row x of the last axis becomes x̂·gamma + beta with x̂ = (x − mean) / √(variance + eps), the
 * biased variance, as PyTorch's {@code nn.LayerNorm}.
 *
 * <p>One fused op instead of a dozen recorded ones: the forward pass takes each row's mean and
 * variance in float64 and keeps x̂ and 1/√(variance + eps) for the backward pass, which gives
 * dx = (dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)) / √(variance + eps) with dx̂ = dy·gamma, and the parameter
 * gradients as sums over the rows (dgamma = Σ dy·x̂, dbeta = Σ dy). Rows are split into fixed
 * blocks, so results do not depend on the thread count.
 */
final class LayerNormLayer extends AbstractLayer {

    /** Elements per parallel task (whole rows); fixed, so the split never depends on the thread count. */
    private static final int CHUNK = 1 << 14;

    private final Parameter gamma;
    private final Parameter beta;
    private final float eps;

    LayerNormLayer(int[] shape, float eps) {
        super(LayerNormSpec.KIND, shape, shape);
        int features = shape[shape.length - 1];
        this.gamma = new Parameter("gamma", Tensor.ones(features));
        this.beta = new Parameter("beta", Tensor.zeros(features));
        this.eps = eps;
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        checkInput(input);
        Tensor scale = gamma.value();
        Tensor shift = beta.value();
        int[] shape = input.shape();
        int width = shape[shape.length - 1];
        int rows = input.size() / width;
        boolean graph = CustomOp.recording(input, scale, shift);
        float[] x = TensorStorage.data(input);
        float[] g = TensorStorage.data(scale);
        float[] b = TensorStorage.data(shift);
        Tensor output = Tensor.zeros(shape);
        float[] y = TensorStorage.data(output);
        float[] normalised = graph ? new float[x.length] : null;
        float[] inverseDeviation = new float[rows];
        int rowsPerTask = rowsPerTask(width);
        ThreadBudget.parallelFor(tasks(rows, rowsPerTask), task -> {
            int end = Math.min(rows, (task + 1) * rowsPerTask);
            for (int row = task * rowsPerTask; row < end; row++) {
                int from = row * width;
                double sum = 0;
                for (int j = 0; j < width; j++) {
                    sum += x[from + j];
                }
                double mean = sum / width;
                double squares = 0;
                for (int j = 0; j < width; j++) {
                    double centred = x[from + j] - mean;
                    squares += centred * centred;
                }
                float inverse = (float) (1 / Math.sqrt(squares / width + eps));
                float centre = (float) mean;
                inverseDeviation[row] = inverse;
                for (int j = 0; j < width; j++) {
                    float hat = (x[from + j] - centre) * inverse;
                    if (normalised != null) {
                        normalised[from + j] = hat;
                    }
                    y[from + j] = hat * g[j] + b[j];
                }
            }
        });
        if (!graph) {
            return output;
        }
        return CustomOp.apply("layer-norm", output, gradOutput -> {
            float[] dy = TensorStorage.data(gradOutput);
            Tensor gradInput = Tensor.zeros(shape);
            Tensor gradTimesNormalised = Tensor.zeros(rows, width);
            float[] dx = TensorStorage.data(gradInput);
            float[] dyHat = TensorStorage.data(gradTimesNormalised);
            ThreadBudget.parallelFor(tasks(rows, rowsPerTask), task -> {
                int end = Math.min(rows, (task + 1) * rowsPerTask);
                for (int row = task * rowsPerTask; row < end; row++) {
                    int from = row * width;
                    double meanGrad = 0;
                    double meanGradHat = 0;
                    for (int j = 0; j < width; j++) {
                        float gradHat = dy[from + j] * g[j];
                        meanGrad += gradHat;
                        meanGradHat += gradHat * normalised[from + j];
                        dyHat[from + j] = dy[from + j] * normalised[from + j];
                    }
                    float a = (float) (meanGrad / width);
                    float c = (float) (meanGradHat / width);
                    float inverse = inverseDeviation[row];
                    for (int j = 0; j < width; j++) {
                        dx[from + j] = (dy[from + j] * g[j] - a - normalised[from + j] * c) * inverse;
                    }
                }
            });
            int[] rowsAxis = {0};
            return new Tensor[] {input.requiresGrad() ? gradInput : null,
                scale.requiresGrad() ? gradTimesNormalised.sum(rowsAxis, false) : null,
                shift.requiresGrad() ? gradOutput.reshape(rows, width).sum(rowsAxis, false) : null};
        }, input, scale, shift);
    }

    private static int rowsPerTask(int width) {
        return Math.max(1, CHUNK / width);
    }

    private static int tasks(int rows, int rowsPerTask) {
        return (rows + rowsPerTask - 1) / rowsPerTask;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }
}
