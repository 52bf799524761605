package dev.grove.neural.train;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test-scope dense layer: {@code activation(dropout(x) · W + b)} with weight {@code [in, out]},
 * bias {@code [out]} and a buffer {@code input-mean} (an exponential average of the batch's input
 * means, updated by training passes, as batch norm's running statistics are). It records the
 * inputs it saw (when asked) and how it was called.
 */
final class TinyDense implements Layer {

    private final int in;
    private final int out;
    private final String activation;
    private final float dropout;
    private final Parameter weight;
    private final Parameter bias;
    private final Tensor inputMean;
    final List<float[]> trainingInputs = new ArrayList<>();
    final List<float[]> inferenceInputs = new ArrayList<>();
    boolean recordInputs;
    int forwardCalls;
    int beforeActivationCalls;

    TinyDense(int in, int out, String activation, float dropout, Rng rng) {
        this.in = in;
        this.out = out;
        this.activation = activation;
        this.dropout = dropout;
        float bound = (float) (1 / Math.sqrt(in));
        this.weight = new Parameter("weight", Tensor.uniform(rng, -bound, bound, in, out));
        this.bias = new Parameter("bias", Tensor.uniform(rng, -bound, bound, out));
        this.inputMean = Tensor.zeros(in);
    }

    TinyDense(int in, int out, String activation, Rng rng) {
        this(in, out, activation, 0f, rng);
    }

    Parameter weight() {
        return weight;
    }

    Parameter bias() {
        return bias;
    }

    @Override
    public String kind() {
        return "tiny-dense";
    }

    @Override
    public int[] inputShape() {
        return new int[] {in};
    }

    @Override
    public int[] outputShape() {
        return new int[] {out};
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        forwardCalls++;
        Tensor z = affine(input, pass);
        return switch (activation) {
            case "softmax" -> z.softmax(1);
            case "sigmoid" -> z.sigmoid();
            case "tanh" -> z.tanh();
            default -> z;
        };
    }

    @Override
    public Tensor forwardBeforeActivation(Tensor input, Pass pass) {
        beforeActivationCalls++;
        return affine(input, pass);
    }

    private Tensor affine(Tensor input, Pass pass) {
        Tensor x = input.reshape(input.dim(0), in);
        if (pass.training()) {
            if (recordInputs) {
                trainingInputs.add(x.toFloatArray());
            }
            try (var g = Grad.off()) {
                inputMean.mulInPlace(0.9f).addInPlace(x.mean(0), 0.1f);
            }
        } else if (recordInputs) {
            inferenceInputs.add(x.toFloatArray());
        }
        return x.dropout(dropout, pass.rng(), pass.training()).matmul(weight.value()).add(bias.value());
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public Map<String, Tensor> buffers() {
        return Map.of("input-mean", inputMean);
    }

    @Override
    public String finalActivation() {
        return activation;
    }
}
