package dev.grove.nlp.layer;

import dev.grove.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The recurrent layers written with plain tensor ops, step by step, as PyTorch documents their
 * equations: the independent reference the fused layers are compared with. Truncated
 * backpropagation through time is written the way PyTorch users write it: the state is detached
 * every {@code truncate} steps.
 */
final class ReferenceRecurrence {

    private ReferenceRecurrence() {
    }

    /** h at every step [batch, steps, units], or the last [batch, units]. */
    static Tensor run(String kind, Tensor x, Tensor weightIh, Tensor weightHh, Tensor biasIh, Tensor biasHh,
                      boolean returnSequences, int truncate) {
        int batch = x.dim(0);
        int steps = x.dim(1);
        int features = x.dim(2);
        int n = weightHh.dim(1);
        Tensor h = Tensor.zeros(batch, n);
        Tensor c = Tensor.zeros(batch, n);
        List<Tensor> outputs = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            if (truncate > 0 && t > 0 && t % truncate == 0) {
                h = h.detach();
                c = c.detach();
            }
            Tensor xt = x.slice(1, t, t + 1).reshape(batch, features);
            Tensor gi = xt.matmul(weightIh.transpose(0, 1)).add(biasIh);
            Tensor gh = h.matmul(weightHh.transpose(0, 1)).add(biasHh);
            switch (kind) {
                case "rnn" -> h = gi.add(gh).tanh();
                case "lstm" -> {
                    Tensor gates = gi.add(gh);
                    Tensor i = gates.slice(1, 0, n).sigmoid();
                    Tensor f = gates.slice(1, n, 2 * n).sigmoid();
                    Tensor g = gates.slice(1, 2 * n, 3 * n).tanh();
                    Tensor o = gates.slice(1, 3 * n, 4 * n).sigmoid();
                    c = f.mul(c).add(i.mul(g));
                    h = o.mul(c.tanh());
                }
                case "gru" -> {
                    Tensor r = gi.slice(1, 0, n).add(gh.slice(1, 0, n)).sigmoid();
                    Tensor z = gi.slice(1, n, 2 * n).add(gh.slice(1, n, 2 * n)).sigmoid();
                    Tensor candidate = gi.slice(1, 2 * n, 3 * n).add(r.mul(gh.slice(1, 2 * n, 3 * n))).tanh();
                    h = z.neg().add(1f).mul(candidate).add(z.mul(h));
                }
                default -> throw new IllegalArgumentException(kind);
            }
            outputs.add(h);
        }
        return returnSequences ? Tensor.stack(1, outputs.toArray(new Tensor[0])) : h;
    }
}
