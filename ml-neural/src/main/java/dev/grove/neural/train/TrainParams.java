package dev.grove.neural.train;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.OfKind;
import dev.grove.api.params.Params;
import dev.grove.api.spi.Kind;
import dev.grove.neural.data.Augmentation;
import dev.grove.neural.loss.Loss;
import dev.grove.neural.optim.OptimizerSpec;
import dev.grove.neural.optim.Schedule;
import java.util.List;
import java.util.Objects;

/**
 * How a network trains: the {@code train:} section of an experiment file.
 *
 * @param loss          the objective (a LOSS component)
 * @param optimizer     the optimizer (an OPTIMIZER component, e.g. {@code {adam: {lr: 0.001}}})
 * @param schedule      the learning-rate schedule (a SCHEDULE component), or null for a constant rate
 * @param warmupSteps   steps over which the rate rises linearly from 0 before the schedule applies
 * @param epochs        passes over the training rows (ignored when {@code steps} is set)
 * @param steps         optimizer steps in all, or 0 to train by {@code epochs}
 * @param batchSize     rows per mini-batch (windows, with {@code sequence})
 * @param sequence      0 when each row is a sample; T &gt; 0 for next-token training on a token stream:
 *                      each sample is T consecutive rows, its targets the next T rows' tokens
 * @param mask          0, or a fraction in (0, 1) for masked-token training on windows (with
 *                      {@code sequence}) or on rows of token ids: the chosen tokens are hidden
 *                      (BERT's 80/10/10 rule, never padding) and predicted
 * @param augment       random alterations of each training batch (AUGMENTATION components), in order
 * @param shuffle       whether the rows are reshuffled (seeded) every epoch
 * @param validation    fraction of the training rows held out for validation when the run gives no
 *                      validation split (0 for none)
 * @param l1            global L1 penalty on every weight, added to each layer's own
 * @param l2            global L2 penalty on every weight, added to each layer's own
 * @param clipNorm      largest global gradient norm (rescaled above it), 0 for no clipping
 * @param clipValue     largest absolute gradient value (clamped), 0 for no clipping
 * @param earlyStopping stop when the monitored figure stops improving, or null to train to the end
 * @param checkpoint    save a resumable checkpoint every this many epochs (0 for never)
 * @param freeze        layers whose weights stay unchanged: names ({@code conv2d-1}), or one number N
 *                      for the first N layers
 * @param initFrom      a saved {@code model.grove} whose weights (matched by layer name and shape) the
 *                      network starts from, or null
 * @param initArrays    arrays of the network taken from other arrays of {@code initFrom}'s file, each
 *                      written {@code "TARGET <- SOURCE"} or {@code "TARGET <- SOURCE^T"} (transposed);
 *                      see {@link InitArray}
 */
public record TrainParams(
        @Doc("The training objective") @Default("cross-entropy") @OfKind(Kind.LOSS) Loss loss,
        @Doc("The optimizer, e.g. {adam: {lr: 0.001}}") @Default("adam") @OfKind(Kind.OPTIMIZER) OptimizerSpec optimizer,
        @Doc("Learning-rate schedule, e.g. {cosine: {}} or {step: {every: 10, gamma: 0.5}}; none keeps the rate")
        @Default("null") @OfKind(Kind.SCHEDULE) Schedule schedule,
        @Doc("Steps over which the learning rate rises linearly from 0 first") @Default("0") @Min(0) int warmupSteps,
        @Doc("Passes over the training rows") @Default("10") @Min(1) int epochs,
        @Doc("Optimizer steps in all; 0 trains by epochs instead") @Default("0") @Min(0) long steps,
        @Doc("Rows per mini-batch") @Default("32") @Min(1) int batchSize,
        @Doc("0: each row is a sample. T > 0: the rows are a token stream (the corpus source) and each sample is a"
                + " window of T consecutive tokens whose target is the window shifted by one (next-token training)")
        @Default("0") @Min(0) int sequence,
        @Doc("0: next-token training (with sequence) or row training. Above 0: masked-token training, BERT's way, on"
                + " windows of a token stream (with sequence) or on rows of token ids (without): this fraction of each"
                + " sample's tokens (never <pad>) is chosen, at least one, 80% of them replaced by <mask>, 10% by a random"
                + " token, 10% kept, and the network learns to predict the chosen tokens from the whole sample")
        @Default("0.0") @Min(0) @Max(value = 1, exclusive = true) double mask,
        @Doc("Random alterations of training batches, e.g. [random-flip, {random-crop: {padding: 4}}]")
        @Default("[]") @OfKind(Kind.AUGMENTATION) List<Augmentation> augment,
        @Doc("Reshuffle the rows (seeded) every epoch") @Default("true") boolean shuffle,
        @Doc("Fraction of training rows held out for validation when the run has no validation split")
        @Default("0.0") @Min(0) double validation,
        @Doc("Global L1 penalty on every weight (added to a layer's own l1)") @Default("0.0") @Min(0) double l1,
        @Doc("Global L2 penalty on every weight (added to a layer's own l2)") @Default("0.0") @Min(0) double l2,
        @Doc("Rescale gradients whose global norm exceeds this; 0 for no clipping") @Default("0.0") @Min(0) double clipNorm,
        @Doc("Clamp each gradient value to [-v, v]; 0 for no clipping") @Default("0.0") @Min(0) double clipValue,
        @Doc("Stop when the monitored figure stops improving; omit to train to the end")
        @Default("null") EarlyStopping earlyStopping,
        @Doc("Write a resumable checkpoint every this many epochs; 0 for never") @Default("0") @Min(0) int checkpoint,
        @Doc("Layers to keep unchanged: names such as conv2d-1, or [N] for the first N layers")
        @Default("[]") List<String> freeze,
        @Doc("A saved model.grove whose weights (by layer name and shape) the network starts from")
        @Default("null") String initFrom,
        @Doc("Arrays taken from other arrays of init-from's file, each 'TARGET <- SOURCE' or 'TARGET <- SOURCE^T'"
                + " (transposed), e.g. ['embedding-1.weight <- dense-1.weight^T'] starts the word embedding from a"
                + " masked-token model's output layer; they win over the copy by name")
        @Default("[]") List<String> initArrays) {

    /** Validates every param. */
    public TrainParams {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        freeze = List.copyOf(Objects.requireNonNull(freeze, "freeze"));
        initArrays = List.copyOf(Objects.requireNonNull(initArrays, "init-arrays"));
        InitArray.parseAll(initArrays);
        if (!initArrays.isEmpty() && initFrom == null) {
            throw new IllegalArgumentException("init-arrays " + initArrays + " takes arrays from init-from's file, but"
                    + " init-from is not set");
        }
        augment = List.copyOf(Objects.requireNonNull(augment, "augment"));
        Params.atLeast("warmup-steps", warmupSteps, 0, false);
        Params.atLeast("epochs", epochs, 1, false);
        Params.atLeast("steps", steps, 0, false);
        Params.atLeast("batch-size", batchSize, 1, false);
        Params.atLeast("sequence", sequence, 0, false);
        Params.atLeast("mask", mask, 0, false);
        Params.atMost("mask", mask, 1, true);
        Params.atLeast("validation", validation, 0, false);
        Params.atMost("validation", validation, 1, true);
        Params.atLeast("l1", l1, 0, false);
        Params.atLeast("l2", l2, 0, false);
        Params.atLeast("clip-norm", clipNorm, 0, false);
        Params.atLeast("clip-value", clipValue, 0, false);
        Params.atLeast("checkpoint", checkpoint, 0, false);
    }

    /**
     * The documented defaults ({@code @Default} of every component) with {@code loss} and
     * {@code optimizer}, which have no Java default: 10 epochs of batches of 32, shuffled, no
     * schedule, penalties, clipping, validation hold-out, early stopping or checkpoints.
     */
    public static TrainParams defaults(Loss loss, OptimizerSpec optimizer) {
        return new TrainParams(loss, optimizer, null, 0, 10, 0, 32, 0, 0.0, List.of(), true, 0.0, 0.0, 0.0, 0.0, 0.0,
                null, 0, List.of(), null, List.of());
    }

    /** A copy with another loss. */
    public TrainParams withLoss(Loss value) {
        return new TrainParams(value, optimizer, schedule, warmupSteps, epochs, steps, batchSize, sequence, mask, augment, shuffle,
                validation, l1, l2, clipNorm, clipValue, earlyStopping, checkpoint, freeze, initFrom, initArrays);
    }

    /** A copy with another optimizer. */
    public TrainParams withOptimizer(OptimizerSpec value) {
        return new TrainParams(loss, value, schedule, warmupSteps, epochs, steps, batchSize, sequence, mask, augment, shuffle,
                validation, l1, l2, clipNorm, clipValue, earlyStopping, checkpoint, freeze, initFrom, initArrays);
    }

    /** A copy with another schedule (null for a constant rate). */
    public TrainParams withSchedule(Schedule value) {
        return new TrainParams(loss, optimizer, value, warmupSteps, epochs, steps, batchSize, sequence, mask, augment, shuffle,
                validation, l1, l2, clipNorm, clipValue, earlyStopping, checkpoint, freeze, initFrom, initArrays);
    }

    /** A copy with another number of warm-up steps. */
    public TrainParams withWarmupSteps(int value) {
        return new TrainParams(loss, optimizer, schedule, value, epochs, steps, batchSize, sequence, mask, augment, shuffle,
                validation, l1, l2, clipNorm, clipValue, earlyStopping, checkpoint, freeze, initFrom, initArrays);
    }

    /** A copy that trains for {@code value} epochs. */
    public TrainParams withEpochs(int value) {
        return new TrainParams(loss, optimizer, schedule, warmupSteps, value, steps, batchSize, sequence, mask, augment, shuffle,
                validation, l1, l2, clipNorm, clipValue, earlyStopping, checkpoint, freeze, initFrom, initArrays);
    }

    /** A copy that trains for exactly {@code value} optimizer steps (0 to train by epochs). */
    public TrainParams withSteps(long value) {
        return new TrainParams(loss, optimizer, schedule, warmupSteps, epochs, value, batchSize, sequence, mask, augment, shuffle,
                validation, l1, l2, clipNorm, clipValue, earlyStopping, checkpoint, freeze, initFrom, initArrays);
    }

    /** A copy with another batch size. */
    public TrainParams withBatchSize(int value) {
        return new TrainParams(loss, optimizer, schedule, warmupSteps, epochs, steps, value, sequence, mask, augment, shuffle,
                validation, l1, l2, clipNorm, clipValue, earlyStopping, checkpoint, freeze, initFrom, initArrays);
    }

    /** A copy that trains on windows of {@code value} tokens of a token stream (0: rows are samples). */
    public TrainParams withSequence(int value) {
        return new TrainParams(loss, optimizer, schedule, warmupSteps, epochs, steps, batchSize, value, mask, augment, shuffle,
                validation, l1, l2, clipNorm, clipValue, earlyStopping, checkpoint, freeze, initFrom, initArrays);
    }

    /** A copy that hides this fraction of each window's tokens for masked-token training (0: next-token). */
    public TrainParams withMask(double value) {
        return new TrainParams(loss, optimizer, schedule, warmupSteps, epochs, steps, batchSize, sequence, value, augment,
                shuffle, validation, l1, l2, clipNorm, clipValue, earlyStopping, checkpoint, freeze, initFrom, initArrays);
    }

    /** A copy with other augmentations. */
    public TrainParams withAugment(List<Augmentation> value) {
        return new TrainParams(loss, optimizer, schedule, warmupSteps, epochs, steps, batchSize, sequence, mask, value, shuffle,
                validation, l1, l2, clipNorm, clipValue, earlyStopping, checkpoint, freeze, initFrom, initArrays);
    }

    /** A copy that does or does not reshuffle every epoch. */
    public TrainParams withShuffle(boolean value) {
        return new TrainParams(loss, optimizer, schedule, warmupSteps, epochs, steps, batchSize, sequence, mask, augment, value,
                validation, l1, l2, clipNorm, clipValue, earlyStopping, checkpoint, freeze, initFrom, initArrays);
    }

    /** A copy holding out another fraction of the training rows for validation. */
    public TrainParams withValidation(double value) {
        return new TrainParams(loss, optimizer, schedule, warmupSteps, epochs, steps, batchSize, sequence, mask, augment, shuffle,
                value, l1, l2, clipNorm, clipValue, earlyStopping, checkpoint, freeze, initFrom, initArrays);
    }

    /** A copy with another global L1 penalty. */
    public TrainParams withL1(double value) {
        return new TrainParams(loss, optimizer, schedule, warmupSteps, epochs, steps, batchSize, sequence, mask, augment, shuffle,
                validation, value, l2, clipNorm, clipValue, earlyStopping, checkpoint, freeze, initFrom, initArrays);
    }

    /** A copy with another global L2 penalty. */
    public TrainParams withL2(double value) {
        return new TrainParams(loss, optimizer, schedule, warmupSteps, epochs, steps, batchSize, sequence, mask, augment, shuffle,
                validation, l1, value, clipNorm, clipValue, earlyStopping, checkpoint, freeze, initFrom, initArrays);
    }

    /** A copy with another gradient-norm limit (0 for none). */
    public TrainParams withClipNorm(double value) {
        return new TrainParams(loss, optimizer, schedule, warmupSteps, epochs, steps, batchSize, sequence, mask, augment, shuffle,
                validation, l1, l2, value, clipValue, earlyStopping, checkpoint, freeze, initFrom, initArrays);
    }

    /** A copy with another gradient-value limit (0 for none). */
    public TrainParams withClipValue(double value) {
        return new TrainParams(loss, optimizer, schedule, warmupSteps, epochs, steps, batchSize, sequence, mask, augment, shuffle,
                validation, l1, l2, clipNorm, value, earlyStopping, checkpoint, freeze, initFrom, initArrays);
    }

    /** A copy with other early stopping (null to train to the end). */
    public TrainParams withEarlyStopping(EarlyStopping value) {
        return new TrainParams(loss, optimizer, schedule, warmupSteps, epochs, steps, batchSize, sequence, mask, augment, shuffle,
                validation, l1, l2, clipNorm, clipValue, value, checkpoint, freeze, initFrom, initArrays);
    }

    /** A copy that writes a checkpoint every {@code value} epochs (0 for never). */
    public TrainParams withCheckpoint(int value) {
        return new TrainParams(loss, optimizer, schedule, warmupSteps, epochs, steps, batchSize, sequence, mask, augment, shuffle,
                validation, l1, l2, clipNorm, clipValue, earlyStopping, value, freeze, initFrom, initArrays);
    }

    /** A copy freezing other layers. */
    public TrainParams withFreeze(List<String> value) {
        return new TrainParams(loss, optimizer, schedule, warmupSteps, epochs, steps, batchSize, sequence, mask, augment, shuffle,
                validation, l1, l2, clipNorm, clipValue, earlyStopping, checkpoint, value, initFrom, initArrays);
    }

    /** A copy starting from another saved model (null for none). */
    public TrainParams withInitFrom(String value) {
        return new TrainParams(loss, optimizer, schedule, warmupSteps, epochs, steps, batchSize, sequence, mask, augment, shuffle,
                validation, l1, l2, clipNorm, clipValue, earlyStopping, checkpoint, freeze, value, initArrays);
    }

    /**
     * A copy taking these arrays from other arrays of init-from's file (see {@link InitArray}); set
     * init-from first ({@link #withInitFrom}), since init-arrays without it is an error.
     */
    public TrainParams withInitArrays(List<String> value) {
        return new TrainParams(loss, optimizer, schedule, warmupSteps, epochs, steps, batchSize, sequence, mask, augment, shuffle,
                validation, l1, l2, clipNorm, clipValue, earlyStopping, checkpoint, freeze, initFrom, value);
    }

    /**
     * Early stopping: after {@code patience} epochs without the monitored figure improving by more
     * than {@code minDelta}, training stops; with {@code restoreBest} the weights of the best epoch
     * are put back.
     *
     * @param monitor     a history column: {@code val/loss} (default), {@code val/accuracy}, {@code train/loss}, …
     * @param patience    epochs without improvement that are tolerated
     * @param minDelta    smallest change that counts as an improvement
     * @param restoreBest whether the best epoch's weights are restored at the end
     */
    public record EarlyStopping(
            @Doc("The figure watched: val/loss, val/accuracy, train/loss, ...") @Default("val/loss") String monitor,
            @Doc("Epochs without improvement before stopping") @Default("5") @Min(1) int patience,
            @Doc("Smallest change that counts as an improvement") @Default("0.0") @Min(0) double minDelta,
            @Doc("Put back the weights of the best epoch at the end") @Default("true") boolean restoreBest) {

        /** Validates. */
        public EarlyStopping {
            Objects.requireNonNull(monitor, "monitor");
            Params.atLeast("patience", patience, 1, false);
            Params.atLeast("min-delta", minDelta, 0, false);
        }

        /** Whether a larger monitored value is better (accuracy-like) rather than smaller (loss-like). */
        public boolean higherIsBetter() {
            return !(monitor.endsWith("loss") || monitor.endsWith("mse") || monitor.endsWith("mae")
                    || monitor.endsWith("perplexity"));
        }
    }
}
