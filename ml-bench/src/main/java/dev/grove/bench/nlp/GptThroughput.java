package dev.grove.bench.nlp;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerNormParams;
import dev.grove.neural.layer.LayerNormSpec;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.SequentialSpec;
import dev.grove.neural.loss.CrossEntropyLoss;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import dev.grove.neural.train.TrainParams;
import dev.grove.neural.train.Trainer;
import dev.grove.nlp.attention.PositionsParams;
import dev.grove.nlp.attention.PositionsSpec;
import dev.grove.nlp.attention.TransformerBlockSpec;
import dev.grove.nlp.attention.TransformerDecoderParams;
import dev.grove.nlp.layer.EmbeddingParams;
import dev.grove.nlp.layer.EmbeddingSpec;
import dev.grove.tensor.Rng;
import dev.grove.tensor.ThreadBudget;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Training throughput of the whole char GPT, the figure PyTorch's reference measures as
 * 8,408 tokens/s: embedding 65 → 128, learned positions, 4 pre-norm decoder blocks (4 heads,
 * context 128), a final layer norm and a dense head to 65 classes, cross-entropy over every
 * position, Adam (lr 1e-3), batches of 16 windows of 128 tokens, driven through the real
 * {@link Trainer} with {@code sequence: 128} on a random token stream (throughput does not depend
 * on what the text says). Each epoch is {@value #STEPS_PER_EPOCH} steps; after each one it prints
 * the tokens per second the trainer measured, the training thread's CPU time per step (with one
 * thread, the step's cost even when other processes share the core) and the heap in use after a
 * garbage collection, to show it stays steady. The first epoch includes the JIT's warm-up and is
 * left out of the best figure. Argument: the number of epochs (default 5).
 */
public final class GptThroughput {

    private static final int VOCABULARY = 65;
    private static final int FEATURES = 128;
    private static final int HEADS = 4;
    private static final int BLOCKS = 4;
    private static final int CONTEXT = 128;
    private static final int BATCH = 16;
    private static final int STEPS_PER_EPOCH = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private GptThroughput() {
    }

    /** Runs the benchmark; see the class comment for the argument. */
    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.printf(Locale.ROOT, "Grove char-GPT training throughput (through the Trainer), %d threads, max heap %d MiB%n",
                ThreadBudget.get(), Runtime.getRuntime().maxMemory() >> 20);
        Dataset stream = randomTokens(BATCH * CONTEXT * STEPS_PER_EPOCH);
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new EmbeddingSpec(new EmbeddingParams(FEATURES, 0)));
        layers.add(new PositionsSpec(PositionsParams.of("learned")));
        for (int i = 0; i < BLOCKS; i++) {
            layers.add(TransformerBlockSpec.decoder(TransformerDecoderParams.of(HEADS)));
        }
        layers.add(new LayerNormSpec(new LayerNormParams(1e-5)));
        layers.add(new DenseSpec(DenseParams.of(0, "linear")));
        LayerSpec spec = SequentialSpec.of(layers.toArray(LayerSpec[]::new));
        Layer network = spec.forData(stream.schema()).build(new int[] {CONTEXT}, new Rng(0));
        TrainParams params = TrainParams.defaults(new CrossEntropyLoss(), new Adam(AdamParams.defaults()))
                .withEpochs(epochs).withBatchSize(BATCH).withSequence(CONTEXT);
        List<Double> rates = new ArrayList<>();
        long[] cpuAtEpochStart = {THREADS.getCurrentThreadCpuTime()};
        RunContext context = RunContext.builder(0).history((scope, epoch, values) -> {
            double cpuMillisPerStep = (THREADS.getCurrentThreadCpuTime() - cpuAtEpochStart[0]) / 1e6 / STEPS_PER_EPOCH;
            double rate = values.get("samples-per-second");
            System.gc();
            long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            System.out.printf(Locale.ROOT, "epoch %d: %.1f tokens/s (training thread's CPU %.1f ms/step), loss %.4f,"
                    + " heap in use after GC %.1f MiB%n", epoch, rate, cpuMillisPerStep, values.get("train/loss"),
                    heap / 1048576.0);
            if (epoch > 1) {
                rates.add(rate);
            }
            cpuAtEpochStart[0] = THREADS.getCurrentThreadCpuTime();
        }).build();
        Trainer.train(network, params, stream, null, context);
        double best = rates.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "char-gpt 4L-d128-h4-ctx128-b16: best epoch after the first %.1f tokens/s"
                + " (PyTorch reference 8408.0)%n", best);
    }

    /** A stream of uniformly drawn token ids, one per row, with a 65-symbol vocabulary as the corpus source gives. */
    private static Dataset randomTokens(int tokens) {
        SplittableRandom random = new SplittableRandom(1);
        float[] ids = new float[tokens];
        double[] targets = new double[tokens];
        for (int i = 0; i < tokens; i++) {
            ids[i] = random.nextInt(VOCABULARY);
            targets[i] = ids[i];
        }
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < VOCABULARY; i++) {
            symbols.add("s" + i);
        }
        Schema schema = new Schema(List.of("token"), "token", symbols, List.of(1), symbols, null);
        return Dataset.ofFloats(ids, targets, schema);
    }
}
