package dev.grove.neural.train;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.Layer;
import dev.grove.tensor.Grad;
import java.util.Objects;

/**
 * Trains a built network in place with mini-batch gradient descent, as the {@code train:} section
 * describes.
 *
 * <p>Each epoch the training rows are reshuffled with a stream derived from the epoch number, cut
 * into batches of {@code batch-size} (the last one partial), altered by the augmentations, and for
 * each batch: forward in training mode (with a stream derived from the step number, so dropout
 * draws the same masks in a resumed run), loss plus L1/L2 penalties (from the values before a final
 * softmax or sigmoid when the loss takes logits), backward, a check that the loss and gradients are
 * finite, clipping, one optimizer step at the warmed-up and scheduled rate, and gradients cleared.
 * Nothing of a step's graph outlives it.
 *
 * <p>Per epoch it records history ({@link RunContext#recordHistory}): {@code train/loss} (the mean
 * loss over the epoch's rows, penalties excluded), {@code train/accuracy} (classification, from the
 * training passes), {@code train/penalty} (when any penalty is set), {@code val/loss} and
 * {@code val/accuracy} (an inference pass over the validation rows), {@code lr} (the rate of the
 * epoch's last step), {@code seconds} (the whole epoch, validation included), {@code samples-per-second}
 * (training rows over training time) and {@code grad-norm/<layer path>} (the mean over the epoch's
 * steps of the L2 norm of the layer's gradients before clipping, for layers with unfrozen parameters).
 * Progress goes to {@code context.progress()} under the task {@code train} every step, and the run
 * stops with {@link java.util.concurrent.CancellationException} when the context is cancelled.
 *
 * <p>With {@code sequence: T} the training rows are a token stream (one token id per row, the
 * vocabulary as classes) and the network learns next-token prediction: each sample is a window of T
 * tokens whose targets are the T tokens after each of them, the windows of a step start at positions
 * drawn from that step's own stream, an epoch is as many steps as it takes to see about as many
 * tokens as the stream holds, losses and accuracy are per predicted token (so {@code samples-per-second}
 * counts tokens), validation cuts the validation stream into consecutive windows, a {@code validation}
 * hold-out is the stream's last tokens, and {@code train/perplexity} and {@code val/perplexity} (the
 * exponential of the mean cross-entropy per token) are recorded too. With {@code mask} as well, the
 * network learns to fill in hidden tokens instead (masked-token training, BERT's way): in each window
 * that fraction of the tokens is chosen, 80% of them replaced by {@code <mask>}, 10% by a random token
 * and 10% left, and losses and accuracy are over the chosen tokens only.
 *
 * <p>With {@code checkpoint: N} it writes {@code checkpoint.grove} into the run directory every N
 * epochs; a context that {@link RunContext#isResuming() resumes} continues from it, and the weights
 * at the end are bitwise those of an uninterrupted run with the same seed. Results depend only on
 * the seed, never on the time or the thread count.
 *
 * <p>Frozen parameters ({@link dev.grove.neural.layer.Parameter#frozen()}) take no part in
 * training: no gradient, no penalty, no update. The {@code freeze} and {@code init-from} params are
 * applied by whoever builds the network, before training.
 */
public final class Trainer {

    private Trainer() {
    }

    /**
     * Trains {@code network} in place.
     *
     * @param network    the built layer tree; its input shape must hold the data's samples
     * @param params     the {@code train:} section
     * @param train      the training rows, with targets (class indices, or values for a one-output network)
     * @param validation rows to validate on each epoch, or null to hold out {@code params.validation()}
     *                   of the training rows (none when that is 0)
     * @param context    seed, history, progress, cancellation; a run directory and state files for checkpoints
     * @return what happened
     * @throws IllegalArgumentException if the data, network and params do not fit together, saying how
     * @throws IllegalStateException    if training diverges (a NaN or infinite loss or gradient), naming
     *                                  the epoch, step and layer; or checkpoints are asked for without a
     *                                  run directory; or this is called inside {@link Grad#off()}
     */
    public static TrainingResult train(Layer network, TrainParams params, Dataset train, Dataset validation,
                                       RunContext context) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(context, "context");
        if (!Grad.isEnabled()) {
            throw new IllegalStateException("train: called inside Grad.off(); training needs gradients recorded");
        }
        TrainingData data = TrainingData.resolve(params, train, validation, context);
        return new TrainingRun(network, params, data, context).run();
    }
}
