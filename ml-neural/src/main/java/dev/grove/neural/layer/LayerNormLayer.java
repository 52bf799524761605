package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.List;

/** A built {@code layer-norm} layer; gamma starts at 1 and beta at 0, both of the last axis's size. */
final class LayerNormLayer extends AbstractLayer {

    private final Parameter gamma;
    private final Parameter beta;
    private final float eps;
    private final int[] lastAxis;

    LayerNormLayer(int[] shape, float eps) {
        super(LayerNormSpec.KIND, shape, shape);
        int features = shape[shape.length - 1];
        this.gamma = new Parameter("gamma", Tensor.ones(features));
        this.beta = new Parameter("beta", Tensor.zeros(features));
        this.eps = eps;
        this.lastAxis = new int[] {shape.length};
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        checkInput(input);
        Tensor centered = input.sub(input.mean(lastAxis, true));
        Tensor variance = centered.mul(centered).mean(lastAxis, true);
        return centered.mul(variance.add(eps).pow(-0.5f)).mul(gamma.value()).add(beta.value());
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }
}
