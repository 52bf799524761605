package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.List;

/**
 * A built {@code dropout} layer. Masks are drawn only in training passes, from the pass's stream,
 * so a step replays exactly; inference passes return the input itself.
 */
final class DropoutLayer extends AbstractLayer {

    private final float p;

    DropoutLayer(int[] shape, float p) {
        super(DropoutSpec.KIND, shape, shape);
        this.p = p;
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        checkInput(input);
        return input.dropout(p, pass.rng(), pass.training());
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
