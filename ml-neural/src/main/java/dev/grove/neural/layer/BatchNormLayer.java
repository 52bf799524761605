package dev.grove.neural.layer;

import dev.grove.tensor.Grad;
import dev.grove.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A built {@code batch-norm} layer. Training passes normalise with the batch's mean and biased
 * variance and fold them into the running estimates (the variance unbiased, n / (n − 1), as PyTorch);
 * inference passes use the running estimates. gamma starts at 1 and beta at 0; the running mean
 * starts at 0 and the running variance at 1.
 */
final class BatchNormLayer extends AbstractLayer {

    private final Parameter gamma;
    private final Parameter beta;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private final float momentum;
    private final float eps;
    /** Axes of a batch tensor that each statistic is taken over: the batch and everything after the channel. */
    private final int[] reducedAxes;
    /** [1, channels, 1, …]: the statistics' shape, broadcasting against a batch. */
    private final int[] statShape;
    /** Values of one channel in one sample (height × width for images, 1 for flat input). */
    private final int valuesPerSample;

    BatchNormLayer(int[] shape, float momentum, float eps) {
        super(BatchNormSpec.KIND, shape, shape);
        int channels = shape[0];
        this.gamma = new Parameter("gamma", Tensor.ones(channels));
        this.beta = new Parameter("beta", Tensor.zeros(channels));
        this.runningMean = Tensor.zeros(channels);
        this.runningVar = Tensor.ones(channels);
        this.momentum = momentum;
        this.eps = eps;
        this.reducedAxes = new int[shape.length];
        this.statShape = new int[shape.length + 1];
        statShape[0] = 1;
        statShape[1] = channels;
        for (int axis = 2; axis <= shape.length; axis++) {
            reducedAxes[axis - 1] = axis;
            statShape[axis] = 1;
        }
        this.valuesPerSample = SampleShapes.size(shape) / channels;
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        checkInput(input);
        return pass.training() ? normaliseWithBatch(input) : normaliseWithRunning(input);
    }

    private Tensor normaliseWithBatch(Tensor input) {
        int count = input.dim(0) * valuesPerSample;
        if (count < 2) {
            throw new IllegalArgumentException(kind() + " needs more than one value per channel to normalise in training, "
                    + "got a batch of " + input.dim(0) + " sample(s) of shape " + SampleShapes.str(inputShape())
                    + "; use a batch size of at least 2");
        }
        Tensor mean = input.mean(reducedAxes, true);
        Tensor centered = input.sub(mean);
        Tensor variance = centered.mul(centered).mean(reducedAxes, true);
        Tensor scale = variance.add(eps).pow(-0.5f).mul(gamma.value().reshape(statShape));
        Tensor out = centered.mul(scale).add(beta.value().reshape(statShape));
        updateRunning(mean, variance, count);
        return out;
    }

    private void updateRunning(Tensor batchMean, Tensor batchVariance, int count) {
        int channels = runningMean.size();
        try (var g = Grad.off()) {
            runningMean.mulInPlace(1 - momentum).addInPlace(batchMean.detach().reshape(channels), momentum);
            runningVar.mulInPlace(1 - momentum)
                    .addInPlace(batchVariance.detach().reshape(channels), momentum * count / (count - 1));
        }
    }

    private Tensor normaliseWithRunning(Tensor input) {
        // Folding the statistics into one scale and shift per channel leaves two full-size ops.
        Tensor scale = runningVar.add(eps).pow(-0.5f).mul(gamma.value());
        Tensor shift = beta.value().sub(runningMean.mul(scale));
        return input.mul(scale.reshape(statShape)).add(shift.reshape(statShape));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    @Override
    public Map<String, Tensor> buffers() {
        Map<String, Tensor> buffers = new LinkedHashMap<>();
        buffers.put("running-mean", runningMean);
        buffers.put("running-var", runningVar);
        return Collections.unmodifiableMap(buffers);
    }
}
