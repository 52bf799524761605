package dev.grove.neural.train;

import dev.grove.neural.loss.Loss;
import dev.grove.tensor.Tensor;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/** A test-scope mean squared error that keeps a weak reference to every loss tensor it returns. */
final class RecordingMse implements Loss {

    final List<WeakReference<Tensor>> returned = new ArrayList<>();

    @Override
    public Tensor compute(Tensor output, Tensor target) {
        Tensor difference = output.sub(target);
        Tensor loss = difference.mul(difference).mean();
        returned.add(new WeakReference<>(loss));
        return loss;
    }
}
