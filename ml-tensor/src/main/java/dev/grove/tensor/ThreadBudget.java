package dev.grove.tensor;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

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
    private static final AtomicInteger WORKERS = new AtomicInteger();
    /** Whether the current thread is running tasks of a {@link #parallelFor}; nested calls then run inline. */
    private static final ThreadLocal<Boolean> IN_PARALLEL_REGION = ThreadLocal.withInitial(() -> false);

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
     * writes its own part of the output. Runs inline when the budget is 1, there is one task, or the
     * call is nested inside another parallelFor (whose tasks already keep every thread busy).
     *
     * <p>The calling thread works too: it and up to budget − 1 pool workers take the next task
     * index from a shared counter until none is left, so no thread waits on a coarse pre-split
     * chunk, and a call costs one hand-off per helper rather than a stream pipeline. The first
     * exception a task throws is rethrown after every started task has finished.
     */
    public static void parallelFor(int taskCount, IntConsumer task) {
        if (taskCount <= 0) {
            return;
        }
        if (taskCount == 1 || threads == 1 || IN_PARALLEL_REGION.get()) {
            for (int i = 0; i < taskCount; i++) {
                task.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        int helpers = Math.min(threads, taskCount) - 1;
        ForkJoinPool workers = pool();
        ForkJoinTask<?>[] forks = new ForkJoinTask<?>[helpers];
        for (int h = 0; h < helpers; h++) {
            forks[h] = workers.submit(() -> drain(next, taskCount, task));
        }
        RuntimeException failure = null;
        try {
            drain(next, taskCount, task);
        } catch (RuntimeException | Error e) {
            // Stop handing out tasks, then wait for the helpers before reporting.
            next.set(taskCount);
            if (e instanceof Error error) {
                joinAll(forks);
                throw error;
            }
            failure = (RuntimeException) e;
        }
        RuntimeException helperFailure = joinAll(forks);
        if (failure != null) {
            throw failure;
        }
        if (helperFailure != null) {
            throw helperFailure;
        }
    }

    /** Runs tasks from the shared counter until it passes {@code taskCount}, marked as inside a parallel region. */
    private static void drain(AtomicInteger next, int taskCount, IntConsumer task) {
        IN_PARALLEL_REGION.set(true);
        try {
            for (int i = next.getAndIncrement(); i < taskCount; i = next.getAndIncrement()) {
                task.accept(i);
            }
        } finally {
            IN_PARALLEL_REGION.set(false);
        }
    }

    /** Waits for every fork; returns the first failure among them (errors are thrown at once). */
    private static RuntimeException joinAll(ForkJoinTask<?>[] forks) {
        RuntimeException first = null;
        for (ForkJoinTask<?> fork : forks) {
            try {
                fork.join();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        return first;
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
