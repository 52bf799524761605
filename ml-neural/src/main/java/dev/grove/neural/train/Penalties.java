package dev.grove.neural.train;

import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The L1 and L2 penalties added to the loss: {@code Σ l1·|w| + l2·w²} over the trainable
 * parameters. A parameter's coefficients are its layer's own ({@link Parameter#l1()},
 * {@link Parameter#l2()}) plus, for weights (full names {@code weight} or ending in {@code .weight}),
 * the global {@code train.l1} and {@code train.l2}. Biases and norm offsets are not penalised
 * globally, as Keras' kernel regularisers leave them alone.
 */
final class Penalties {

    private record Term(Tensor value, float l1, float l2) {
    }

    private final List<Term> terms;

    private Penalties(List<Term> terms) {
        this.terms = terms;
    }

    /** The penalties on the unfrozen {@code parameters} (by full name). */
    static Penalties of(Map<String, Parameter> parameters, double globalL1, double globalL2) {
        List<Term> terms = new ArrayList<>();
        parameters.forEach((name, p) -> {
            boolean weight = name.equals("weight") || name.endsWith(".weight");
            float l1 = p.l1() + (weight ? (float) globalL1 : 0f);
            float l2 = p.l2() + (weight ? (float) globalL2 : 0f);
            if (!p.frozen() && (l1 > 0 || l2 > 0)) {
                terms.add(new Term(p.value(), l1, l2));
            }
        });
        return new Penalties(List.copyOf(terms));
    }

    /** Whether no parameter is penalised. */
    boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The penalty as a scalar connected to the parameters' graph, or null when there is none. */
    Tensor term() {
        Tensor total = null;
        for (Term t : terms) {
            if (t.l1 > 0) {
                Tensor l1 = t.value.abs().sum().mul(t.l1);
                total = total == null ? l1 : total.add(l1);
            }
            if (t.l2 > 0) {
                Tensor l2 = t.value.mul(t.value).sum().mul(t.l2);
                total = total == null ? l2 : total.add(l2);
            }
        }
        return total;
    }
}
