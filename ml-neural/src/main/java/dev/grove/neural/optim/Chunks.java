package dev.grove.neural.optim;

import dev.grove.tensor.ThreadBudget;

/**
 * The split of one array's elements into tasks on the {@link ThreadBudget} pool, shared by the
 * optimizers' fused updates and gradient clipping. Chunks have a fixed size, so the split, and any
 * result assembled chunk by chunk, never depends on the thread count.
 */
final class Chunks {

    /** Elements per task: large enough (128 KiB of floats per array) that a task outweighs its scheduling. */
    static final int SIZE = 1 << 15;

    /** Work on elements {@code [from, to)} of chunk number {@code chunk}. */
    interface Task {
        void run(int chunk, int from, int to);
    }

    private Chunks() {
    }

    /** The number of chunks of {@code size} elements. */
    static int count(int size) {
        return (size + SIZE - 1) / SIZE;
    }

    /**
     * Runs {@code task} on every chunk of {@code [0, size)}, possibly concurrently: each task must
     * write only its own elements. Runs inline when there is one chunk.
     */
    static void forEach(int size, Task task) {
        ThreadBudget.parallelFor(count(size), chunk -> task.run(chunk, chunk * SIZE, Math.min(size, (chunk + 1) * SIZE)));
    }
}
