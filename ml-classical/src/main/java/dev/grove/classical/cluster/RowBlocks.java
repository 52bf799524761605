package dev.grove.classical.cluster;

import dev.grove.tensor.ThreadBudget;
import java.util.function.IntConsumer;

/**
 * How the rows of a fit are cut into work: blocks of {@value #SIZE} rows (the unit of the blocked
 * distance kernel) grouped into at most {@value #MAX_TASKS} tasks (the unit of parallel work, each
 * with its own partial sums). The split depends on the row count only, never on the thread budget,
 * and partial sums are combined in task order, which is what makes results bitwise identical for
 * any number of threads. Capping the task count bounds the memory the partial sums take.
 */
final class RowBlocks {

    /** Rows per block: enough work to amortise a pass over the centres, small enough to stay in cache. */
    static final int SIZE = 256;
    /** Most tasks a pass is split into. */
    static final int MAX_TASKS = 64;

    final int rows;
    final int blocks;
    final int tasks;
    private final int blocksPerTask;

    RowBlocks(int rows) {
        this.rows = rows;
        this.blocks = Math.max(1, (rows + SIZE - 1) / SIZE);
        this.blocksPerTask = (blocks + MAX_TASKS - 1) / MAX_TASKS;
        this.tasks = (blocks + blocksPerTask - 1) / blocksPerTask;
    }

    /** First row of {@code block}. */
    int start(int block) {
        return block * SIZE;
    }

    /** One past the last row of {@code block}. */
    int end(int block) {
        return Math.min(rows, (block + 1) * SIZE);
    }

    /** First block of {@code task}. */
    int firstBlock(int task) {
        return task * blocksPerTask;
    }

    /** One past the last block of {@code task}. */
    int endBlock(int task) {
        return Math.min(blocks, (task + 1) * blocksPerTask);
    }

    /** First row of {@code task}. */
    int taskStart(int task) {
        return start(firstBlock(task));
    }

    /** One past the last row of {@code task}. */
    int taskEnd(int task) {
        return end(endBlock(task) - 1);
    }

    /** Runs {@code task} for every index in [0, count): on the shared pool when {@code parallel}, else in order here. */
    static void run(int count, boolean parallel, IntConsumer task) {
        if (parallel && count > 1) {
            ThreadBudget.parallelFor(count, task);
        } else {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
        }
    }
}
