package dev.grove.neural.train;

import dev.grove.api.data.Schema;
import dev.grove.api.run.RunContext;
import dev.grove.api.run.StateFiles;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Padding;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.neural.layer.SelectedPositions;
import dev.grove.neural.loss.Loss;
import dev.grove.neural.optim.GradientClipping;
import dev.grove.neural.optim.Optimizer;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One training run of {@link Trainer#train}: the set-up checks, the epoch and step loops, validation,
 * history, early stopping and checkpoints. Used once.
 */
final class TrainingRun {

    private static final String TASK = "train";
    private static final Pass INFERENCE = Pass.inference();
    private static final String MASK = "<mask>";

    private final Layer network;
    private final TrainParams params;
    private final Loss loss;
    private final RunContext context;
    private final boolean classification;
    private final Map<String, Parameter> parameters;
    private final Map<String, Tensor> buffers;
    private final GradientNorms norms;
    private final Penalties penalties;
    private final Optimizer optimizer;
    private final LearningRates rates;
    private final Batches trainBatches;
    private final Batches validationBatches;
    private final TokenWindows trainWindows;
    private final TokenWindows validationWindows;
    private final int trainRows;
    /** How masked-token training hides tokens, or null for other training. */
    private final MaskedTokens masking;
    /** Whether the rows are token-id samples whose tokens masked-token training hides ({@code mask} without {@code sequence}). */
    private final boolean maskedRows;
    private final int[] validationOrder;
    /**
     * The id of {@code <pad>} when the rows are padded token-id sequences, whose padded positions
     * every pass then marks for the layers to leave out; -1 otherwise (and for windows of a stream).
     */
    private final int padId;
    private final boolean fromLogits;
    private final float decisionThreshold;
    private final int stepsPerEpoch;
    private final long totalSteps;
    private final int plannedEpochs;
    private final BestEpoch best;
    private final Checkpoint checkpoint;
    private final Rng shuffleStreams;
    private final Rng passStreams;
    private final Rng augmentStreams;

    private int epochsDone;
    private long globalStep;
    private Map<String, Double> lastFigures = Map.of();
    private double epochLossSum;
    private double epochPenaltySum;
    private long epochSamples;
    private long epochCorrect;

    TrainingRun(Layer network, TrainParams params, TrainingData data, RunContext context) {
        this.network = network;
        this.params = params;
        this.loss = params.loss();
        this.context = context;
        int[] inputShape = network.inputShape();
        boolean sequence = params.sequence() > 0;
        this.maskedRows = params.mask() > 0 && !sequence;
        // Token predictions are classes of the vocabulary: masked rows have accuracy even without targets.
        this.classification = data.train().schema().isClassification() || maskedRows;
        this.masking = params.mask() > 0 ? masking(data.train().schema(), params.mask()) : null;
        if (sequence) {
            checkSequenceNetwork(network, params.sequence(), data.train().schema().classLabels().size());
        } else {
            checkInput(inputShape, data.train().featureCount(), data.train().schema().sampleShapeArray());
        }
        if (maskedRows) {
            checkMaskedRowsNetwork(network, data.train().schema());
        }
        boolean targetColumn = !sequence && !maskedRows && checkOutput(network.outputShape());
        this.parameters = Layers.parameters(network);
        this.buffers = Layers.buffers(network);
        this.norms = new GradientNorms(network);
        if (norms.trainable().isEmpty()) {
            throw new IllegalArgumentException("train: the network has no unfrozen parameter to train ("
                    + parameters.size() + " parameters, all frozen or none at all)");
        }
        this.penalties = Penalties.of(parameters, params.l1(), params.l2());
        this.trainWindows = sequence ? new TokenWindows(data.train(), params.sequence(), "training") : null;
        this.validationWindows = sequence && data.validation() != null
                ? new TokenWindows(data.validation(), params.sequence(), "validation") : null;
        this.trainBatches = sequence ? null : new Batches(data.train(), inputShape, targetColumn);
        this.validationBatches = sequence || data.validation() == null ? null
                : new Batches(data.validation(), inputShape, targetColumn);
        this.validationOrder = validationBatches == null ? null : identity(data.validation().rows());
        this.padId = sequence ? -1 : Padding.padId(data.train().schema());
        String activation = network.finalActivation();
        boolean squashed = activation.equals("softmax") || activation.equals("sigmoid");
        this.fromLogits = loss.takesLogits() && squashed;
        this.decisionThreshold = !fromLogits && (activation.equals("sigmoid") || activation.equals("heaviside")) ? 0.5f : 0f;
        this.trainRows = data.train().rows();
        // With windows, an epoch is as many steps as it takes to see about as many tokens as the stream holds.
        long perStep = (long) params.batchSize() * Math.max(1, params.sequence());
        long perEpoch = sequence ? trainRows - 1 : trainRows;
        this.stepsPerEpoch = (int) Math.max(1, (perEpoch + perStep - 1) / perStep);
        this.totalSteps = params.steps() > 0 ? params.steps() : (long) params.epochs() * stepsPerEpoch;
        long epochs = (totalSteps + stepsPerEpoch - 1) / stepsPerEpoch;
        if (epochs > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("train.steps " + totalSteps + " would take " + epochs + " epochs of "
                    + stepsPerEpoch + " steps; too many");
        }
        this.plannedEpochs = (int) epochs;
        this.rates = new LearningRates(params.schedule(), params.warmupSteps(), params.optimizer().learningRate(), totalSteps);
        this.best = BestEpoch.of(params.earlyStopping(), hasValidation());
        checkMonitor();
        this.checkpoint = checkpointFile(context);
        if (params.checkpoint() > 0 && checkpoint == null) {
            throw new IllegalStateException("train.checkpoint is " + params.checkpoint() + " but this run has no "
                    + (context.runDirectory().isEmpty() ? "run directory" : "state-file writer")
                    + " to write " + Checkpoint.FILE_NAME + " into; give the RunContext a runDirectory and stateFiles,"
                    + " or set train.checkpoint to 0");
        }
        this.optimizer = params.optimizer().create(List.copyOf(parameters.values()));
        this.shuffleStreams = context.rng("shuffle");
        this.passStreams = context.rng("pass");
        this.augmentStreams = context.rng("augment");
    }

    /**
     * Checks that a next-token network takes windows of {@code length} token ids and gives one score
     * per vocabulary token at every position.
     */
    private void checkSequenceNetwork(Layer network, int length, int vocabulary) {
        if (!classification) {
            throw new IllegalArgumentException("train.sequence trains next-token prediction, which needs a token stream whose"
                    + " classes are its vocabulary (the corpus source); these rows have no classes");
        }
        if (!Arrays.equals(network.inputShape(), new int[] {length})) {
            throw new IllegalArgumentException("train.sequence is " + length + " so the network must take windows of shape ["
                    + length + "], but it takes " + Arrays.toString(network.inputShape()));
        }
        if (!Arrays.equals(network.outputShape(), new int[] {length, vocabulary})) {
            throw new IllegalArgumentException("train.sequence is " + length + " and the vocabulary holds " + vocabulary
                    + " tokens, so the network must output [" + length + ", " + vocabulary + "] (a score per token at"
                    + " every position, e.g. ending with dense: {units: " + vocabulary + "}), but it outputs "
                    + Arrays.toString(network.outputShape()));
        }
    }

    /** How tokens are hidden: behind the vocabulary's {@code <mask>}, never a {@code <pad>}. */
    private static MaskedTokens masking(Schema schema, double rate) {
        List<String> tokens = schema.vocabulary();
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("train.mask hides tokens of text, but these rows are not token ids (their"
                    + " schema has no vocabulary); use a text source such as corpus or labelled-text");
        }
        int id = tokens.indexOf(MASK);
        if (id < 0) {
            throw new IllegalArgumentException("train.mask hides tokens behind " + MASK + ", which the vocabulary ("
                    + tokens.size() + " tokens) does not hold; let the corpus source reserve it (reserved: [" + MASK + "])");
        }
        return new MaskedTokens(rate, id, tokens.size(), tokens.indexOf(Padding.PAD));
    }

    /** Checks that a network for masked token-id rows scores every vocabulary token at every position. */
    private static void checkMaskedRowsNetwork(Layer network, Schema schema) {
        int[] sample = schema.sampleShapeArray();
        int vocabulary = schema.vocabulary().size();
        int[] expected = {sample[sample.length - 1], vocabulary};
        if (sample.length != 1 || !Arrays.equals(network.outputShape(), expected)) {
            throw new IllegalArgumentException("train.mask on rows of " + Arrays.toString(sample) + " token ids needs a"
                    + " network that outputs " + Arrays.toString(expected) + " (a score per vocabulary token at every"
                    + " position, e.g. ending with dense: {}), but it outputs " + Arrays.toString(network.outputShape()));
        }
    }

    private boolean hasValidation() {
        return validationBatches != null || validationWindows != null;
    }

    private static void checkInput(int[] inputShape, int featureCount, int[] sampleShape) {
        long size = 1;
        for (int d : inputShape) {
            size *= d;
        }
        if (size != featureCount) {
            throw new IllegalArgumentException("train: the network takes samples of shape " + Arrays.toString(inputShape)
                    + " (" + size + " values) but the data's samples are " + Arrays.toString(sampleShape) + " ("
                    + featureCount + " values)");
        }
    }

    /** Whether value targets need a column axis ({@code [batch, 1]}) to match the output. */
    private boolean checkOutput(int[] outputShape) {
        if (classification) {
            return false;
        }
        long size = 1;
        for (int d : outputShape) {
            size *= d;
        }
        if (size != 1) {
            throw new IllegalArgumentException("train: the data has one target value per row but the network outputs "
                    + Arrays.toString(outputShape) + " per sample; end a regression network with one unit");
        }
        return outputShape.length == 1;
    }

    private void checkMonitor() {
        String monitor = best.monitor();
        if (params.earlyStopping() == null) {
            return;
        }
        if (monitor.startsWith("val/") && !hasValidation()) {
            throw new IllegalArgumentException("train.early-stopping monitors " + monitor + " but this run has no validation"
                    + " data: give the data a validation split, set train.validation (e.g. 0.1), or monitor train/loss");
        }
        Set<String> keys = figureKeys();
        if (!keys.contains(monitor)) {
            throw new IllegalArgumentException("train.early-stopping monitor '" + monitor
                    + "' is not a figure this training records; it records " + keys);
        }
    }

    /** The history keys every epoch records, in order. */
    private Set<String> figureKeys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add("train/loss");
        if (classification) {
            keys.add("train/accuracy");
        }
        if ((trainWindows != null || maskedRows)) {
            keys.add("train/perplexity");
        }
        if (!penalties.isEmpty()) {
            keys.add("train/penalty");
        }
        if (hasValidation()) {
            keys.add("val/loss");
            if (classification) {
                keys.add("val/accuracy");
            }
            if ((trainWindows != null || maskedRows)) {
                keys.add("val/perplexity");
            }
        }
        keys.addAll(List.of("lr", "seconds", "samples-per-second"));
        keys.addAll(norms.keys());
        return keys;
    }

    private static Checkpoint checkpointFile(RunContext context) {
        Optional<Path> directory = context.runDirectory();
        Optional<StateFiles> files = context.stateFiles();
        if (directory.isEmpty() || files.isEmpty()) {
            return null;
        }
        return new Checkpoint(files.get(), directory.get().resolve(Checkpoint.FILE_NAME));
    }

    /** Trains to the end (or until early stopping) and reports what happened. */
    TrainingResult run() {
        List<Parameter> frozen = parameters.values().stream().filter(Parameter::frozen).toList();
        // Frozen values leave the graph altogether, as requires_grad=False does in PyTorch: no gradient
        // is computed for them, and nothing upstream of a frozen body is back-propagated at all.
        frozen.forEach(p -> p.value().requiresGrad(false));
        try {
            norms.trainable().forEach(p -> p.value().zeroGrad());
            TrainingResult.Start start = begin();
            while (epochsDone < plannedEpochs && globalStep < totalSteps && !best.shouldStop()) {
                int epoch = epochsDone + 1;
                lastFigures = trainEpoch(epoch);
                epochsDone = epoch;
                best.record(epoch, lastFigures, parameters, buffers);
                if (params.checkpoint() > 0 && epoch % params.checkpoint() == 0) {
                    checkpoint.write(new Checkpoint.Position(epochsDone, globalStep, lastFigures), parameters, buffers,
                            optimizer, best, trainRows, params.batchSize());
                }
            }
            boolean stoppedEarly = best.shouldStop() && epochsDone < plannedEpochs;
            boolean restored = best.restoreBest(epochsDone, parameters, buffers);
            if (stoppedEarly) {
                context.progress().update(TASK, globalStep, totalSteps, "stopped early after epoch " + epochsDone
                        + "; best epoch " + best.bestEpoch() + " by " + best.monitor());
            }
            return new TrainingResult(start, epochsDone, globalStep, stoppedEarly, best.monitor(), best.bestEpoch(),
                    restored, lastFigures, best.bestFigures());
        } finally {
            frozen.forEach(p -> p.value().requiresGrad(true));
        }
    }

    /** Restores the checkpoint when resuming and one exists. */
    private TrainingResult.Start begin() {
        if (!context.isResuming()) {
            return TrainingResult.Start.FRESH;
        }
        if (checkpoint == null || !checkpoint.exists()) {
            context.progress().update(TASK, 0, totalSteps, "no checkpoint "
                    + (checkpoint == null ? "(the run has no run directory or state files)" : "at " + checkpoint.path())
                    + "; training from the start");
            return TrainingResult.Start.NO_CHECKPOINT;
        }
        Checkpoint.Position position = checkpoint.restore(parameters, buffers, optimizer, best, trainRows,
                params.batchSize());
        epochsDone = position.epochsDone();
        globalStep = position.globalStep();
        lastFigures = position.lastFigures();
        context.progress().update(TASK, globalStep, totalSteps, "resumed from " + checkpoint.path() + " after epoch "
                + epochsDone);
        return TrainingResult.Start.RESUMED;
    }

    private Map<String, Double> trainEpoch(int epoch) {
        long started = System.nanoTime();
        int rows = trainRows;
        int[] order = trainWindows != null ? null : identity(rows);
        if (order != null && params.shuffle()) {
            // A stream of its own per epoch: a resumed run shuffles epoch e exactly as an uninterrupted one.
            shuffleStreams.derive("epoch-" + epoch).shuffle(order);
        }
        int steps = (int) Math.min(stepsPerEpoch, totalSteps - globalStep);
        epochLossSum = 0;
        epochPenaltySum = 0;
        epochSamples = 0;
        epochCorrect = 0;
        float rate = 0;
        for (int b = 0; b < steps; b++) {
            context.checkCancelled();
            rate = rates.at(globalStep, epoch);
            step(epoch, nextBatch(order, b * params.batchSize()), rate);
            globalStep++;
            context.progress().update(TASK, globalStep, totalSteps, String.format(Locale.ROOT, "epoch %d/%d loss %.4f",
                    epoch, plannedEpochs, epochLossSum / epochSamples));
        }
        long trainingNanos = Math.max(1, System.nanoTime() - started);
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("train/loss", epochLossSum / epochSamples);
        if (classification) {
            figures.put("train/accuracy", (double) epochCorrect / epochSamples);
        }
        if ((trainWindows != null || maskedRows)) {
            figures.put("train/perplexity", Math.exp(epochLossSum / epochSamples));
        }
        if (!penalties.isEmpty()) {
            figures.put("train/penalty", epochPenaltySum / epochSamples);
        }
        if (hasValidation()) {
            validate(figures);
        }
        figures.put("lr", (double) rate);
        figures.put("seconds", (System.nanoTime() - started) / 1e9);
        figures.put("samples-per-second", epochSamples / (trainingNanos / 1e9));
        norms.drainEpochInto(figures);
        context.recordHistory(epoch, figures);
        return figures;
    }

    /**
     * The batch of this step: rows {@code order[from …]} of the shuffled rows, or with windows
     * {@code batch-size} windows at positions drawn from this step's own stream.
     */
    private Batches.Batch nextBatch(int[] order, int from) {
        String stepName = "step-" + globalStep;
        if (trainWindows != null && masking != null) {
            return trainWindows.masked(params.batchSize(), shuffleStreams.derive(stepName), masking);
        }
        if (trainWindows != null) {
            return trainWindows.random(params.batchSize(), shuffleStreams.derive(stepName));
        }
        int count = Math.min(params.batchSize(), trainRows - from);
        Batches.Batch rows = trainBatches.load(order, from, count, params.augment(),
                params.augment().isEmpty() ? null : augmentStreams.derive(stepName));
        return hideTokens(rows, shuffleStreams.derive(stepName));
    }

    /**
     * The batch with its padding marked, and for masked-token training its tokens hidden by
     * {@code masks}. The padding is read before hiding, so a token hidden behind a random
     * replacement that happens to be {@code <pad>} still counts as a token.
     */
    private Batches.Batch hideTokens(Batches.Batch rows, Rng masks) {
        Padding padding = Padding.of(rows.input(), padId);
        Batches.Batch batch = maskedRows ? masking.hide(rows.input(), rows.rows(), rows.input().dim(1), masks) : rows;
        return batch.withPadding(padding);
    }

    /**
     * The network's output for a batch, with windows as one row of scores per predicted token
     * ({@code [windows * T, vocabulary]}, only the hidden tokens' rows for masked-token training), so
     * losses and accuracy treat every predicted token as a sample.
     */
    private Tensor output(Batches.Batch batch, Pass pass) {
        // Scores at the hidden positions only: the last layer (one score per vocabulary word) need not see the others.
        if (batch.positions() != null && (fromLogits || network.finalActivation().equals("linear"))) {
            return SelectedPositions.scores(network, batch.input(), batch.positions(), pass);
        }
        Tensor output = fromLogits ? network.forwardBeforeActivation(batch.input(), pass) : network.forward(batch.input(), pass);
        if (trainWindows == null && !maskedRows) {
            return output;
        }
        int width = output.dim(output.rank() - 1);
        Tensor perToken = output.reshape(output.size() / width, width);
        return batch.positions() == null ? perToken : perToken.indexSelect(0, batch.positions());
    }

    /** One optimizer step on {@code batch}. */
    private void step(int epoch, Batches.Batch batch, float rate) {
        int count = batch.rows();
        Pass pass = new Pass(true, passStreams.derive("step-" + globalStep), batch.padding());
        Tensor output = output(batch, pass);
        Tensor dataLoss = loss.compute(output, batch.target());
        Tensor penalty = penalties.term();
        Tensor objective = penalty == null ? dataLoss : dataLoss.add(penalty);
        objective.backward();
        float lossValue = dataLoss.item();
        float penaltyValue = penalty == null ? 0f : penalty.item();
        double norm = norms.measure();
        if (!Float.isFinite(lossValue + penaltyValue) || !Double.isFinite(norm)) {
            throw diverged(epoch, lossValue + penaltyValue, rate);
        }
        if (params.clipNorm() > 0) {
            GradientClipping.byNorm(norms.trainable(), params.clipNorm());
        }
        if (params.clipValue() > 0) {
            GradientClipping.byValue(norms.trainable(), params.clipValue());
        }
        optimizer.step(rate);
        for (Parameter p : norms.trainable()) {
            p.value().zeroGrad();
        }
        norms.accumulate();
        epochLossSum += (double) lossValue * count;
        epochPenaltySum += (double) penaltyValue * count;
        epochSamples += count;
        if (classification) {
            epochCorrect += CorrectPredictions.count(output, batch.targetValues(), count, decisionThreshold);
        }
    }

    /**
     * The error that stops training when the loss or a gradient is not finite, raised before the
     * optimizer spreads it into the weights: it names the epoch, the step, the loss and the first
     * parameter (in walk order) whose gradient holds a non-finite value.
     */
    private IllegalStateException diverged(int epoch, float lossValue, float rate) {
        String culprit = norms.firstNonFinite();
        String what = Float.isFinite(lossValue)
                ? "the loss is " + lossValue + " but the gradient of " + culprit + " is not finite"
                : "the loss is " + lossValue + "; " + (culprit == null
                        ? "every parameter gradient was still finite (check the data for NaN or infinite values)"
                        : "the first non-finite gradient is in " + culprit);
        return new IllegalStateException("training diverged at epoch " + epoch + ", step " + (globalStep + 1) + " of "
                + totalSteps + ": " + what + ". Try a lower learning rate (this step used " + rate
                + ") or limit the gradients with train.clip-norm");
    }

    /**
     * Adds {@code val/loss} (and {@code val/accuracy}, and with windows {@code val/perplexity}) from an
     * inference pass over the validation rows, or over the validation stream cut into consecutive windows.
     */
    private void validate(Map<String, Double> figures) {
        int batches = validationWindows != null ? validationWindows.consecutiveWindows() : validationBatches.rows();
        // The same tokens are hidden at every validation, so epochs compare.
        Rng masks = masking != null ? context.rng("validation-mask") : null;
        double lossSum = 0;
        long correct = 0;
        long predicted = 0;
        try (var g = Grad.off()) {
            for (int from = 0; from < batches; from += params.batchSize()) {
                int count = Math.min(params.batchSize(), batches - from);
                Batches.Batch batch = masks != null && validationWindows != null
                        ? validationWindows.maskedConsecutive(from, count, masks, masking)
                        : validationWindows != null
                        ? validationWindows.consecutive(from, count)
                        : validationBatches.load(validationOrder, from, count, List.of(), null);
                if (validationBatches != null) {
                    batch = hideTokens(batch, masks);
                }
                Tensor output = output(batch, INFERENCE.withPadding(batch.padding()));
                lossSum += (double) loss.compute(output, batch.target()).item() * batch.rows();
                predicted += batch.rows();
                if (classification) {
                    correct += CorrectPredictions.count(output, batch.targetValues(), batch.rows(), decisionThreshold);
                }
            }
        }
        figures.put("val/loss", lossSum / predicted);
        if (classification) {
            figures.put("val/accuracy", (double) correct / predicted);
        }
        if (validationWindows != null) {
            figures.put("val/perplexity", Math.exp(lossSum / predicted));
        }
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        return order;
    }
}
