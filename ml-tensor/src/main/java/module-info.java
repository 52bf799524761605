/**
 * Dense float32 tensors with reverse-mode autograd, pluggable compute kernels and float64 linear
 * algebra. The SIMD kernels need {@code jdk.incubator.vector}; it is an optional dependency, so the
 * module runs without it (launch with {@code --add-modules jdk.incubator.vector} to enable them).
 */
module dev.grove.tensor {
    requires static jdk.incubator.vector;
    requires static java.management;

    exports dev.grove.tensor;
    exports dev.grove.tensor.kernel;
    exports dev.grove.tensor.linalg;
    exports dev.grove.tensor.storage to dev.grove.neural, dev.grove.nlp, dev.grove.generative;

    uses dev.grove.tensor.kernel.KernelProvider;
    provides dev.grove.tensor.kernel.KernelProvider with
            dev.grove.tensor.internal.scalar.ScalarKernelProvider,
            dev.grove.tensor.internal.simd.VectorKernelProvider;
}
