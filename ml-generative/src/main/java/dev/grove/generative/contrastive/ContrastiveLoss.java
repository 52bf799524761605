package dev.grove.generative.contrastive;

import dev.grove.tensor.Tensor;

/**
 * CLIP's symmetric InfoNCE loss over a batch of B (image, caption) pairs. With the L2-normalised
 * embeddings u_i (images) and v_j (captions) and the logit scale s (1 / temperature), the logits are
 * L_ij = s · u_i·v_j. The image-to-text term is the cross-entropy of each row of L (softmax over the
 * captions) against its targets, the text-to-image term that of each column (softmax over the
 * images); the loss is their mean, each averaged over the batch.
 *
 * <p><b>False negatives.</b> Captions are built from class labels, so a batch holds several images
 * of each class and their captions say the same thing. CLIP's targets ({@code pair}: image i matches
 * caption i only) then push an image away from captions of its own class, which no encoder can tell
 * apart; the loss cannot go below about log(samples per class) and its gradient is noise there. The
 * default targets ({@code class}) spread each row's (and each column's) target evenly over every
 * caption (image) of the same class, as supervised contrastive learning does: the loss then only
 * pushes apart what truly differs. Its minimum is the entropy of those targets rather than 0.
 */
final class ContrastiveLoss {

    /** What counts as a match for an image (and for a caption) in a batch. */
    enum Positives {
        /** Every sample of the same class. */
        CLASS,
        /** Only the sample's own caption (image), as CLIP. */
        PAIR;

        /** The names params use, in declaration order. */
        static final String[] NAMES = {"class", "pair"};

        /** The value {@code name} (class or pair) stands for. */
        static Positives named(String name) {
            return switch (name) {
                case "class" -> CLASS;
                case "pair" -> PAIR;
                default -> throw new IllegalArgumentException("clip: positives must be class or pair, got '" + name + "'");
            };
        }
    }

    /**
     * The loss and its two terms (scalars).
     *
     * @param total       (imageToText + textToImage) / 2, what training minimises
     * @param imageToText mean cross-entropy of the softmax over captions for each image
     * @param textToImage mean cross-entropy of the softmax over images for each caption
     */
    record Terms(Tensor total, Tensor imageToText, Tensor textToImage) {
    }

    /** Added under the square root of the norm, so an all-zero row normalises to zero instead of NaN. */
    private static final float NORM_EPSILON = 1e-12f;

    private ContrastiveLoss() {
    }

    /** Each row of {@code rows} ({@code [batch, dim]}) divided by its L2 norm. */
    static Tensor normalise(Tensor rows) {
        return rows.div(rows.mul(rows).sum(new int[] {1}, true).add(NORM_EPSILON).sqrt());
    }

    /**
     * The loss of a batch.
     *
     * @param images   normalised image embeddings {@code [batch, dim]}
     * @param captions normalised caption embeddings {@code [batch, dim]}, row i describing image i
     * @param scale    the logit scale s, a tensor of one value (1 / temperature)
     * @param targets  {@link #targets} of the batch's classes: {@code [batch, batch]}, symmetric, each row
     *                 (image i's target over the captions) and each column (caption j's target over the
     *                 images) summing to 1
     */
    static Terms symmetric(Tensor images, Tensor captions, Tensor scale, Tensor targets) {
        int batch = images.dim(0);
        if (captions.dim(0) != batch || targets.dim(0) != batch) {
            throw new IllegalArgumentException("clip: " + batch + " images, " + captions.dim(0) + " captions and "
                    + targets.dim(0) + " targets in one batch");
        }
        Tensor logits = images.matmul(captions.transpose(0, 1)).mul(scale);
        Tensor imageToText = logits.logSoftmax(1).mul(targets).sum().div(-batch);
        Tensor textToImage = logits.logSoftmax(0).mul(targets).sum().div(-batch);
        return new Terms(imageToText.add(textToImage).mul(0.5f), imageToText, textToImage);
    }

    /**
     * The targets of a batch whose sample i has class {@code classes[i]}: {@code [batch, batch]}, entry
     * (i, j) the share of image i's target on caption j. With {@link Positives#CLASS} it is 1/n for the
     * n samples of i's class and 0 elsewhere; as n is the same for i and j of one class, the matrix is
     * symmetric and every column sums to 1 too, so it serves both directions. With
     * {@link Positives#PAIR} it is the identity.
     */
    static Tensor targets(int[] classes, Positives positives) {
        int batch = classes.length;
        float[] targets = new float[batch * batch];
        if (positives == Positives.PAIR) {
            for (int i = 0; i < batch; i++) {
                targets[i * batch + i] = 1;
            }
            return Tensor.of(targets, batch, batch);
        }
        int[] sameClass = new int[batch];
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < batch; j++) {
                if (classes[i] == classes[j]) {
                    sameClass[i]++;
                }
            }
        }
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < batch; j++) {
                if (classes[i] == classes[j]) {
                    targets[i * batch + j] = 1f / sameClass[i];
                }
            }
        }
        return Tensor.of(targets, batch, batch);
    }
}
