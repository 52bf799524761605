package dev.grove.bench;

import dev.grove.tensor.ThreadBudget;
import dev.grove.tensor.kernel.KernelProvider;
import dev.grove.tensor.kernel.Kernels;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Square float32 matrix multiply {@code C = A·B} through {@link Kernels#gemm} on preallocated
 * arrays, for each kernel implementation and thread budget. One operation is 2·n³ floating-point
 * operations, so GFLOPS = 2·n³ / (ms/op · 10⁶); {@link GflopsTable} converts a JMH CSV result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBenchmark {

    @Param({"256", "1024"})
    int n;

    /** The {@code grove.kernels} name of the implementation. */
    @Param({"vector", "scalar"})
    String kernels;

    /** The thread budget of {@link ThreadBudget}. */
    @Param({"2"})
    int threads;

    private Kernels implementation;
    private float[] a;
    private float[] b;
    private float[] c;

    @Setup
    public void setUp() {
        ThreadBudget.set(threads);
        implementation = kernelsNamed(kernels);
        SplittableRandom random = new SplittableRandom(42);
        a = randomMatrix(random, n);
        b = randomMatrix(random, n);
        c = new float[n * n];
    }

    @Benchmark
    public float[] matmul() {
        implementation.gemm(false, false, n, n, n, a, 0, n, b, 0, n, c, 0, n, false);
        return c;
    }

    /** The provider's kernels, looked up directly so every fork measures exactly the named one. */
    private static Kernels kernelsNamed(String name) {
        for (KernelProvider provider : ServiceLoader.load(KernelProvider.class)) {
            if (provider.name().equals(name)) {
                if (!provider.isSupported()) {
                    throw new IllegalStateException(
                            "kernels '" + name + "' cannot run here: " + provider.unsupportedReason());
                }
                return provider.create();
            }
        }
        throw new IllegalStateException("no kernel provider named '" + name + "' on the class path");
    }

    private static float[] randomMatrix(SplittableRandom random, int n) {
        float[] m = new float[n * n];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return m;
    }
}
