package dev.grove.tensor;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The number of threads tensor kernels may use, and the one bounded pool they run on.
 *
 * <p>The default budget is the number of available processors; {@code -Dgrove.threads=N} or
 * {@link #set(int)} changes it. Work handed to {@link #parallelFor} is always split into the same
 * tasks whatever the budget, so results are bitwise identical for any thread count.
 */
public final class ThreadBudget {

    private static volatile int threads = initialThreads();
    private static ForkJoinPool pool;
    private static final java.util.concurrent.atomic.AtomicInteger WORKERS = new java.util.concurrent.atomic.AtomicInteger();

    private ThreadBudget() {
    }

    /** The current thread budget, at least 1. */
    public static int get() {
        return threads;
    }

    /**
     * Sets the thread budget for all later tensor work.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static synchronized void set(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("thread budget must be at least 1, got " + n);
        }
        if (n != threads) {
            threads = n;
            if (pool != null) {
                pool.shutdown();
                pool = null;
            }
        }
    }

    /**
     * Runs {@code task.accept(i)} for every i in [0, taskCount). Tasks must be independent: each
     * writes its own part of the output. Runs inline when the budget is 1 or there is one task.
     */
    public static void parallelFor(int taskCount, IntConsumer task) {
        if (taskCount <= 0) {
            return;
        }
        if (taskCount == 1 || threads == 1) {
            for (int i = 0; i < taskCount; i++) {
                task.accept(i);
            }
            return;
        }
        if (ForkJoinTask.inForkJoinPool()) {
            // Nested parallelism: the enclosing pool's workers steal these tasks.
            IntStream.range(0, taskCount).parallel().forEach(task);
            return;
        }
        pool().submit(() -> IntStream.range(0, taskCount).parallel().forEach(task)).join();
    }

    private static synchronized ForkJoinPool pool() {
        if (pool == null) {
            pool = new ForkJoinPool(threads, ThreadBudget::newWorker, null, false);
        }
        return pool;
    }

    private static java.util.concurrent.ForkJoinWorkerThread newWorker(ForkJoinPool owner) {
        var worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(owner);
        // The pool index is assigned only when the worker registers, after this factory returns.
        worker.setName("grove-tensor-" + WORKERS.getAndIncrement());
        worker.setDaemon(true);
        return worker;
    }

    private static int initialThreads() {
        String configured = System.getProperty("grove.threads");
        if (configured == null || configured.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(configured.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below, which names the bad value
        }
        throw new IllegalArgumentException(
                "system property grove.threads must be a positive integer, got '" + configured + "'");
    }
}
