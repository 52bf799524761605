package dev.grove.classical.cluster;

import dev.grove.api.run.RunContext;
import dev.grove.tensor.ThreadBudget;
import java.util.function.Function;

/** Runs a fit under a given thread budget (the shared pool's and the run context's), restoring the old one after. */
final class Budgets {

    private Budgets() {
    }

    /** {@code fit} applied to a context with {@code seed} and {@code threads}, with the pool sized to {@code threads}. */
    static <T> T withThreads(int threads, long seed, Function<RunContext, T> fit) {
        int before = ThreadBudget.get();
        ThreadBudget.set(threads);
        try {
            return fit.apply(RunContext.builder(seed).threads(threads).build());
        } finally {
            ThreadBudget.set(before);
        }
    }
}
