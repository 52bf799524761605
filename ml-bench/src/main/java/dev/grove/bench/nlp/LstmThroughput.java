package dev.grove.bench.nlp;

import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Pass;
import dev.grove.neural.layer.SequentialSpec;
import dev.grove.neural.loss.CrossEntropyLoss;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import dev.grove.neural.optim.Optimizer;
import dev.grove.nlp.layer.EmbeddingParams;
import dev.grove.nlp.layer.EmbeddingSpec;
import dev.grove.nlp.layer.RecurrentParams;
import dev.grove.nlp.layer.RecurrentSpec;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.ThreadBudget;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Training throughput of the char LSTM, the network PyTorch's reference figure measures
 * (12,111 tokens/s): embedding 65 → 64, lstm 256 (all steps), dense 65 on every step, cross-entropy
 * over all steps, Adam at 2e-3, batches of 32 sequences of 64 steps of random token ids. The layers
 * are driven directly (forward, backward, optimizer step), as the trainer would. Prints tokens per
 * second (32 · 64 per step over the step's wall time) for each step after the warm-up, then the median.
 * Each step also shows the CPU time of the calling thread: on a machine shared with other work the
 * wall time includes waiting for a core, and with one thread the CPU time is the step's own cost.
 * Arguments: the number of measured steps (default 20) and of warm-up steps (default 5).
 */
public final class LstmThroughput {

    private static final int VOCABULARY = 65;
    private static final int BATCH = 32;
    private static final int SEQUENCE = 64;
    private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();

    private LstmThroughput() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.printf(Locale.ROOT, "Grove char LSTM training throughput, %d threads, batch %d, sequence %d%n",
                ThreadBudget.get(), BATCH, SEQUENCE);
        Layer network = SequentialSpec.of(
                new EmbeddingSpec(new EmbeddingParams(64, VOCABULARY)),
                RecurrentSpec.lstm(RecurrentParams.of(256)),
                new DenseSpec(DenseParams.of(VOCABULARY, "linear"))).build(new int[] {SEQUENCE}, new Rng(0));
        Optimizer adam = new Adam(new AdamParams(2e-3, 0.9, 0.999, 1e-8, 0.0))
                .create(new ArrayList<>(Layers.parameters(network).values()));
        CrossEntropyLoss loss = new CrossEntropyLoss();
        Rng data = new Rng(1);
        List<Double> rates = new ArrayList<>();
        for (int step = 0; step < warmUp + measured; step++) {
            float[] ids = new float[BATCH * (SEQUENCE + 1)];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = data.nextInt(VOCABULARY);
            }
            Tensor window = Tensor.of(ids, BATCH, SEQUENCE + 1);
            Tensor inputs = window.slice(1, 0, SEQUENCE);
            Tensor targets = window.slice(1, 1, SEQUENCE + 1).reshape(BATCH * SEQUENCE);

            long start = System.nanoTime();
            long cpuStart = THREAD_CPU.getCurrentThreadCpuTime();
            Tensor logits = network.forward(inputs, new Pass(true, new Rng(step)));
            Tensor value = loss.compute(logits.reshape(BATCH * SEQUENCE, VOCABULARY), targets);
            value.backward();
            adam.step(2e-3f);
            Layers.parameters(network).values().forEach(p -> p.value().zeroGrad());
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMillis = (THREAD_CPU.getCurrentThreadCpuTime() - cpuStart) / 1e6;

            double rate = BATCH * SEQUENCE / seconds;
            if (step >= warmUp) {
                rates.add(rate);
            }
            System.out.printf(Locale.ROOT, "step %d%s: loss %.4f, %.0f ms (calling thread's CPU %.0f ms), %.0f tokens/s%n",
                    step, step < warmUp ? " (warm-up)" : "", value.item(), seconds * 1e3, cpuMillis, rate);
        }
        double[] sorted = rates.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "char LSTM: median %.0f tokens/s over %d steps (%d threads)%n",
                sorted[sorted.length / 2], sorted.length, ThreadBudget.get());
    }
}
