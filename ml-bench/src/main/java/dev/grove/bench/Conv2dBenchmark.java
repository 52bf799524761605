package dev.grove.bench;

import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.ThreadBudget;
import dev.grove.tensor.kernel.KernelSelector;
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
 * The first layer of a 32×32×3 CNN: a batch of 64 images through a 3×3 convolution with 32
 * filters (stride 1, padding 1) — the forward pass alone, and forward plus backward to the input,
 * weights and bias through autograd.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class Conv2dBenchmark {

    /** The {@code grove.kernels} name of the implementation. */
    @Param({"vector", "scalar"})
    String kernels;

    /** The thread budget of {@link ThreadBudget}. */
    @Param({"2"})
    int threads;

    private Tensor input;
    private Tensor weight;
    private Tensor bias;

    @Setup
    public void setUp() {
        // Each parameter combination runs in its own forked JVM, so the choice is made before first use.
        System.setProperty(KernelSelector.PROPERTY, kernels);
        ThreadBudget.set(threads);
        Rng rng = new Rng(42);
        input = Tensor.randn(rng, 64, 3, 32, 32).requiresGrad(true);
        weight = Tensor.randn(rng, 32, 3, 3, 3).mul(0.2f).requiresGrad(true);
        bias = Tensor.zeros(32).requiresGrad(true);
        if (!KernelSelector.active().name().equals(kernels)) {
            throw new IllegalStateException("asked for kernels '" + kernels + "' but got '" + KernelSelector.active().name() + "'");
        }
    }

    @Benchmark
    public Tensor forward() {
        return input.detach().conv2d(weight.detach(), bias.detach(), 1, 1);
    }

    @Benchmark
    public Tensor forwardBackward() {
        input.zeroGrad();
        weight.zeroGrad();
        bias.zeroGrad();
        Tensor out = input.conv2d(weight, bias, 1, 1);
        out.sum().backward();
        return weight.grad();
    }
}
