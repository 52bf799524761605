package dev.grove.bench.nlp;

import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerNormParams;
import dev.grove.neural.layer.LayerNormSpec;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.neural.loss.CrossEntropyLoss;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import dev.grove.neural.optim.Optimizer;
import dev.grove.nlp.attention.TransformerBlockSpec;
import dev.grove.nlp.attention.TransformerDecoderParams;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.ThreadBudget;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Training throughput of the body of the char GPT (4 decoder blocks, d = 128, 4 heads,
 * context 128, batch 16), the figure PyTorch's reference measures as 8,408 tokens/s: the blocks, a
 * final layer norm and a linear head to 65 classes, trained with Adam (lr 1e-3) and cross-entropy
 * on random float inputs {@code [16, 128, 128]} with random targets. The token embedding and the
 * learned positions are left out (they are lookups and additions, a small share of the work);
 * {@link GptThroughput} measures the whole model through the real trainer.
 * Prints tokens per second (batch × context per step over the step's time) for every group of
 * steps after a warm-up, and the heap in use after a garbage collection, to show it stays steady.
 * The main thread's CPU time per step is printed too: with one thread it is the step's cost even
 * when other processes share the core. Arguments: the number of measured groups (default 5) and
 * steps per group (default 10).
 */
public final class TransformerThroughput {

    private static final int BLOCKS = 4;
    private static final int FEATURES = 128;
    private static final int HEADS = 4;
    private static final int CONTEXT = 128;
    private static final int BATCH = 16;
    private static final int VOCABULARY = 65;
    private static final int WARM_UP_STEPS = 5;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TransformerThroughput() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) {
        int groups = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int stepsPerGroup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.printf(Locale.ROOT, "Grove char-GPT body training throughput, %d threads, max heap %d MiB%n",
                ThreadBudget.get(), Runtime.getRuntime().maxMemory() >> 20);
        Rng rng = new Rng(0);
        int[] sample = {CONTEXT, FEATURES};
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < BLOCKS; i++) {
            layers.add(TransformerBlockSpec.decoder(TransformerDecoderParams.of(HEADS)).build(sample, rng));
        }
        Layer finalNorm = new LayerNormSpec(new LayerNormParams(1e-5)).build(new int[] {FEATURES}, rng);
        Layer head = new DenseSpec(DenseParams.of(VOCABULARY, "linear")).build(new int[] {FEATURES}, rng);
        List<Parameter> parameters = new ArrayList<>();
        layers.forEach(layer -> parameters.addAll(Layers.parameters(layer).values()));
        parameters.addAll(Layers.parameters(finalNorm).values());
        parameters.addAll(Layers.parameters(head).values());
        System.out.printf(Locale.ROOT, "parameters: %,d%n", parameters.stream().mapToLong(Parameter::size).sum());
        Optimizer adam = new Adam(AdamParams.defaults()).create(parameters);
        CrossEntropyLoss loss = new CrossEntropyLoss();
        Tensor inputs = Tensor.randn(new Rng(1), BATCH, CONTEXT, FEATURES);
        Tensor targets = Tensor.uniform(new Rng(2), 0, VOCABULARY, BATCH * CONTEXT);
        float[] classes = targets.toFloatArray();
        for (int i = 0; i < classes.length; i++) {
            classes[i] = (float) Math.floor(classes[i]);
        }
        Tensor labels = Tensor.of(classes);
        for (int step = 0; step < WARM_UP_STEPS; step++) {
            step(layers, finalNorm, head, loss, adam, parameters, inputs, labels, step);
        }
        double best = 0;
        for (int group = 0; group < groups; group++) {
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            float last = 0;
            for (int step = 0; step < stepsPerGroup; step++) {
                last = step(layers, finalNorm, head, loss, adam, parameters, inputs, labels, step);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double rate = (double) BATCH * CONTEXT * stepsPerGroup / seconds;
            best = Math.max(best, rate);
            System.gc();
            long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            System.out.printf(Locale.ROOT, "group %d: %.1f tokens/s (%.1f ms/step; main thread's CPU %.1f ms/step), loss %.4f,"
                    + " heap in use after GC %.1f MiB%n", group + 1, rate, seconds * 1000 / stepsPerGroup,
                    cpuSeconds * 1000 / stepsPerGroup, last, heap / 1048576.0);
        }
        System.out.printf(Locale.ROOT, "char-gpt body 4L-d128-h4-ctx128-b16: best %.1f tokens/s (PyTorch reference 8408.0)%n",
                best);
    }

    private static float step(List<Layer> layers, Layer finalNorm, Layer head, CrossEntropyLoss loss, Optimizer adam,
                              List<Parameter> parameters, Tensor inputs, Tensor labels, int step) {
        parameters.forEach(p -> p.value().zeroGrad());
        Pass pass = new Pass(true, new Rng(step));
        Tensor x = inputs;
        for (Layer layer : layers) {
            x = layer.forward(x, pass);
        }
        Tensor rows = finalNorm.forward(x.reshape(BATCH * CONTEXT, FEATURES), pass);
        Tensor value = loss.compute(head.forward(rows, pass), labels);
        value.backward();
        adam.step(1e-3f);
        return value.item();
    }
}
