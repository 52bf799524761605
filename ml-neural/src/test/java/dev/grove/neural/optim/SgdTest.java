package dev.grove.neural.optim;

import static dev.grove.neural.optim.FixedGradients.GRADIENTS;
import static dev.grove.neural.optim.FixedGradients.START;
import static dev.grove.neural.optim.FixedGradients.assertFirstThreeSteps;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SgdTest {

    /**
     * torch.optim.SGD with dampening 0, written out: d = g + λw; b = d on the first step, else
     * μb + d; direction = d + μb (Nesterov), b (momentum) or d; w ← w − lr·direction.
     */
    private static double[][] hand(double lr, double momentum, boolean nesterov, double weightDecay) {
        double[] w = START.clone();
        double[] buffer = null;
        double[][] after = new double[3][];
        for (int step = 0; step < 3; step++) {
            double[] d = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                d[i] = GRADIENTS[step][i] + weightDecay * w[i];
            }
            if (momentum != 0) {
                if (buffer == null) {
                    buffer = d.clone();
                } else {
                    for (int i = 0; i < w.length; i++) {
                        buffer[i] = momentum * buffer[i] + d[i];
                    }
                }
            }
            for (int i = 0; i < w.length; i++) {
                double direction = momentum == 0 ? d[i] : nesterov ? d[i] + momentum * buffer[i] : buffer[i];
                w[i] -= lr * direction;
            }
            after[step] = w.clone();
        }
        return after;
    }

    @Test
    void plainGradientDescentAtTheRateGivenToStepNotTheConfiguredOne() {
        assertFirstThreeSteps(new Sgd(new SgdParams(0.5, 0, false, 0)), 0.1f, hand(0.1, 0, false, 0));
    }

    @Test
    void momentum() {
        assertFirstThreeSteps(new Sgd(new SgdParams(0.1, 0.9, false, 0)), 0.1f, hand(0.1, 0.9, false, 0));
    }

    @Test
    void nesterovMomentum() {
        assertFirstThreeSteps(new Sgd(new SgdParams(0.1, 0.9, true, 0)), 0.1f, hand(0.1, 0.9, true, 0));
    }

    @Test
    void weightDecayWithAndWithoutMomentum() {
        assertFirstThreeSteps(new Sgd(new SgdParams(0.1, 0, false, 0.2)), 0.1f, hand(0.1, 0, false, 0.2));
        assertFirstThreeSteps(new Sgd(new SgdParams(0.1, 0.8, false, 0.2)), 0.1f, hand(0.1, 0.8, false, 0.2));
        assertFirstThreeSteps(new Sgd(new SgdParams(0.1, 0.8, true, 0.2)), 0.1f, hand(0.1, 0.8, true, 0.2));
    }

    @Test
    void badParamsAndRatesAreRejected() {
        assertThatThrownBy(() -> new SgdParams(0.1, 0, true, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nesterov");
        assertThatThrownBy(() -> new SgdParams(-0.1, 0, false, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lr");
        assertThatThrownBy(() -> new SgdParams(Double.POSITIVE_INFINITY, 0, false, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lr must be a finite number");
        Optimizer optimizer = new Sgd(SgdParams.defaults()).create(List.of(FixedGradients.parameter()));
        assertThatThrownBy(() -> optimizer.step(Float.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sgd: the learning rate");
    }

    @Test
    void aParameterListedTwiceIsRejected() {
        var parameter = FixedGradients.parameter();
        assertThatThrownBy(() -> new Sgd(SgdParams.defaults()).create(List.of(parameter, parameter)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
    }
}
