package dev.grove.generative.autoencoder;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ArtifactWriter;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.SelfEvaluating;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.storage.TensorStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted VAE: encodes images to their posterior means, decodes codes to images, samples new
 * images from the prior N(0, I) (of a chosen class when conditional), interpolates between images
 * and combines them by latent arithmetic, and fills in missing pixels. Immutable and safe for
 * concurrent use: every pass runs without gradients and only reads the weights.
 *
 * <p>Images go in as {@code [n, channels, height, width]} (or flat {@code [n, pixels]}) with
 * pixels in [0, 1] and come out as {@code [n, channels, height, width]} pixel probabilities (the
 * decoder's sigmoid outputs). A conditional model takes the class index of every image, and an
 * unconditional one takes none; both are checked. Each method runs its whole input as one batch.
 *
 * <p>Figures ({@link #evaluate}): {@code negative-elbo}, {@code reconstruction} and {@code kl} per
 * image, from one draw of z per image (ε from the seed, row by row, so the figures do not depend on
 * the batching), as PyTorch's reference evaluates its VAE; reconstruction + KL with β = 1
 * whatever β trained the model. With {@code loss: bce} they are nats; with {@code mse} the
 * reconstruction is the summed squared error. {@code reconstruction-psnr} is the PSNR of the mean
 * reconstructions decode(μ).
 *
 * <p>State: the networks' arrays under {@code encoder.}, {@code mu.}, {@code log-variance.} and
 * {@code decoder.}, and the attributes {@code latent-dim}, {@code image-shape},
 * {@code conditional}, {@code classes} and {@code parameters}.
 */
public final class VaeModel implements SelfEvaluating, ArtifactWriter {

    private static final String LATENT_ATTRIBUTE = "latent-dim";
    private static final String IMAGE_ATTRIBUTE = "image-shape";
    private static final String CONDITIONAL_ATTRIBUTE = "conditional";
    private static final String CLASSES_ATTRIBUTE = "classes";

    private final Schema schema;
    private final VaeParams params;
    private final ImageShape image;
    private final ClassConditions conditions;
    private final VaeNetworks networks;

    VaeModel(Schema schema, VaeParams params, ImageShape image, ClassConditions conditions, VaeNetworks networks) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.params = Objects.requireNonNull(params, "params");
        this.image = image;
        this.conditions = conditions;
        this.networks = networks;
    }

    /**
     * Rebuilds a saved VAE from its params, the schema it was trained on and its state.
     *
     * @throws IllegalArgumentException when the state's latent size, image shape or condition does
     *                                  not match the params and schema (naming expected and given),
     *                                  or an array is missing, extra or of another shape
     */
    public static VaeModel restore(VaeParams params, Schema schema, ModelState state) {
        ImageShape image = ImageShape.of(Vae.NAME, schema);
        int savedLatent = intAttribute(state, LATENT_ATTRIBUTE);
        if (savedLatent != params.latentDim()) {
            throw new IllegalArgumentException(Vae.NAME + ": the saved model has a latent size of " + savedLatent
                    + " but the params give latent-dim " + params.latentDim());
        }
        ImageShape savedImage = ImageShape.parse(Vae.NAME, state.attribute(IMAGE_ATTRIBUTE));
        if (!savedImage.equals(image)) {
            throw new IllegalArgumentException(Vae.NAME + ": the saved model was trained on images of shape "
                    + savedImage.attribute() + " but the schema gives " + image.attribute());
        }
        boolean conditional = Boolean.parseBoolean(state.attribute(CONDITIONAL_ATTRIBUTE));
        if (conditional != params.conditional()) {
            throw new IllegalArgumentException(Vae.NAME + ": the saved model is " + (conditional ? "" : "not ")
                    + "conditional but the params say conditional: " + params.conditional());
        }
        List<String> classes = conditional ? schema.classLabels() : List.of();
        int savedClasses = intAttribute(state, CLASSES_ATTRIBUTE);
        if (savedClasses != classes.size()) {
            throw new IllegalArgumentException(Vae.NAME + ": the saved model is conditioned on " + savedClasses
                    + " classes but the schema gives " + classes.size() + " " + classes);
        }
        VaeNetworks networks = VaeNetworks.build(params, image, classes.size(), new Rng(0));
        networks.load(state);
        networks.dropGradients();
        return new VaeModel(schema, params, image, new ClassConditions(Vae.NAME, classes), networks);
    }

    private static int intAttribute(ModelState state, String name) {
        String text = state.attribute(name);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Vae.NAME + ": the saved attribute " + name + " must be a whole number, found '"
                    + text + "'", e);
        }
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ModelState state() {
        ModelState.Builder state = ModelState.builder();
        networks.write(state);
        return state.attribute(LATENT_ATTRIBUTE, Integer.toString(params.latentDim()))
                .attribute(IMAGE_ATTRIBUTE, image.attribute())
                .attribute(CONDITIONAL_ATTRIBUTE, Boolean.toString(conditions.isConditional()))
                .attribute(CLASSES_ATTRIBUTE, Integer.toString(conditions.count()))
                .attribute("parameters", Long.toString(networks.parameterCount()))
                .build();
    }

    /** The size of the latent code. */
    public int latentDim() {
        return params.latentDim();
    }

    /** The shape of the images the model takes and makes. */
    public ImageShape imageShape() {
        return image;
    }

    /** Whether the model is conditioned on a class. */
    public boolean isConditional() {
        return conditions.isConditional();
    }

    /** The class labels of a conditional model (class i is label i); none for an unconditional one. */
    public List<String> classLabels() {
        return conditions.labels();
    }

    /** The number of learned values. */
    public long parameterCount() {
        return networks.parameterCount();
    }

    /** The trained networks, for the package's tests of the figures. */
    VaeNetworks networks() {
        return networks;
    }

    /** The posterior means μ {@code [n, latent]} of an unconditional model's images. */
    public Tensor encode(Tensor images) {
        return encode(images, null);
    }

    /**
     * The posterior means μ {@code [n, latent]} of {@code images}, each with its class (null for an
     * unconditional model).
     *
     * @throws IllegalArgumentException for images of another shape, or classes that do not fit the model
     */
    public Tensor encode(Tensor images, int[] classes) {
        try (var off = Grad.off()) {
            Tensor batch = image.batchOf(Vae.NAME, images);
            return networks.encode(batch, conditions.oneHot(classes, batch.dim(0)), Pass.inference()).mu();
        }
    }

    /** The images {@code [n, channels, height, width]} an unconditional model decodes from codes {@code [n, latent]}. */
    public Tensor decode(Tensor codes) {
        return decode(codes, null);
    }

    /**
     * The images {@code [n, channels, height, width]} decoded from codes {@code [n, latent]}, each with
     * its class (null for an unconditional model).
     *
     * @throws IllegalArgumentException for codes of another size, or classes that do not fit the model
     */
    public Tensor decode(Tensor codes, int[] classes) {
        int[] shape = codes.shape();
        if (shape.length != 2 || shape[1] != params.latentDim()) {
            throw new IllegalArgumentException(Vae.NAME + ": codes must be [n, " + params.latentDim() + "] (the model's latent"
                    + " size), got " + Arrays.toString(shape));
        }
        try (var off = Grad.off()) {
            Tensor logits = networks.decodeLogits(codes, conditions.oneHot(classes, shape[0]), Pass.inference());
            return logits.sigmoid().reshape(image.batch(shape[0]));
        }
    }

    /** decode(encode(images)) for an unconditional model: the mean reconstructions. */
    public Tensor reconstruct(Tensor images) {
        return reconstruct(images, null);
    }

    /** decode(encode(images, classes), classes): the mean reconstructions. */
    public Tensor reconstruct(Tensor images, int[] classes) {
        return decode(encode(images, classes), classes);
    }

    /**
     * {@code count} new images of an unconditional model: codes drawn from N(0, I) with a stream
     * seeded by {@code seed} (the same seed gives the same images), decoded.
     *
     * @throws IllegalArgumentException for a conditional model, which needs a class
     */
    public Tensor sample(int count, long seed) {
        if (conditions.isConditional()) {
            throw new IllegalArgumentException(Vae.NAME + ": this model is conditional: sample with a class, one of "
                    + conditions.labels());
        }
        return decode(priorCodes(count, seed), null);
    }

    /**
     * {@code count} new images of the class labelled {@code classLabel} from a conditional model:
     * codes drawn from N(0, I) with a stream seeded by {@code seed}, decoded with that class.
     *
     * @throws IllegalArgumentException for a class the model does not know (naming the known ones),
     *                                  or an unconditional model
     */
    public Tensor sample(String classLabel, int count, long seed) {
        if (!conditions.isConditional()) {
            throw new IllegalArgumentException(Vae.NAME + ": this model is not conditional; sample without a class");
        }
        int index = conditions.index(classLabel);
        return decode(priorCodes(count, seed), ClassConditions.repeated(index, count));
    }

    private Tensor priorCodes(int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException(Vae.NAME + ": cannot sample " + count + " images");
        }
        return Tensor.randn(new Rng(seed).derive("prior"), count, params.latentDim());
    }

    /** The images between pairs of an unconditional model's images (see {@link #interpolate(Tensor, int[], Tensor, int[], int)}). */
    public Tensor interpolate(Tensor from, Tensor to, int steps) {
        return interpolate(from, null, to, null, steps);
    }

    /**
     * For each pair ({@code from[i]}, {@code to[i]}), the images decoded at {@code steps} evenly
     * spaced points of the line between their posterior means, endpoints included:
     * {@code [n, steps, channels, height, width]}. A conditional model mixes the two one-hot classes
     * along the same line.
     *
     * @throws IllegalArgumentException for image batches of different sizes or shapes, fewer than 2
     *                                  steps, or classes that do not fit the model
     */
    public Tensor interpolate(Tensor from, int[] fromClasses, Tensor to, int[] toClasses, int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException(Vae.NAME + ": interpolation needs at least 2 steps, got " + steps);
        }
        Tensor a = image.batchOf(Vae.NAME, from);
        Tensor b = image.batchOf(Vae.NAME, to);
        int n = a.dim(0);
        if (b.dim(0) != n) {
            throw new IllegalArgumentException(Vae.NAME + ": interpolation needs as many images to go to (" + b.dim(0)
                    + ") as to start from (" + n + ")");
        }
        float[] za = encode(a, fromClasses).toFloatArray();
        float[] zb = encode(b, toClasses).toFloatArray();
        Tensor ca = conditions.oneHot(fromClasses, n);
        Tensor cb = conditions.oneHot(toClasses, n);
        int k = params.latentDim();
        float[] codes = mix(za, zb, n, k, steps);
        Tensor classes = ca == null ? null
                : Tensor.of(mix(ca.toFloatArray(), cb.toFloatArray(), n, conditions.count(), steps), n * steps, conditions.count());
        try (var off = Grad.off()) {
            Tensor logits = networks.decodeLogits(Tensor.of(codes, n * steps, k), classes, Pass.inference());
            return logits.sigmoid().reshape(n, steps, image.channels(), image.height(), image.width());
        }
    }

    /** Rows (1 − t)·a + t·b for t = 0, 1/(steps − 1), …, 1 for each of n pairs of width-long rows. */
    private static float[] mix(float[] a, float[] b, int n, int width, int steps) {
        float[] out = new float[n * steps * width];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < steps; s++) {
                float t = s / (float) (steps - 1);
                int row = (i * steps + s) * width;
                for (int j = 0; j < width; j++) {
                    out[row + j] = (1 - t) * a[i * width + j] + t * b[i * width + j];
                }
            }
        }
        return out;
    }

    /** decode(μ(a) − μ(b) + μ(c)) for an unconditional model, image by image. */
    public Tensor arithmetic(Tensor a, Tensor b, Tensor c) {
        return arithmetic(a, null, b, null, c, null, null);
    }

    /**
     * Latent arithmetic: the images decoded from μ(a) − μ(b) + μ(c), each image encoded with its own
     * class and the result decoded with {@code decodeClasses} (all null for an unconditional model).
     * For a conditional model this carries the style of one image over to another class.
     *
     * @throws IllegalArgumentException for batches of different sizes or shapes, or classes that do not fit
     */
    public Tensor arithmetic(Tensor a, int[] classesA, Tensor b, int[] classesB, Tensor c, int[] classesC,
                             int[] decodeClasses) {
        Tensor za = encode(a, classesA);
        Tensor zb = encode(b, classesB);
        Tensor zc = encode(c, classesC);
        if (za.dim(0) != zb.dim(0) || za.dim(0) != zc.dim(0)) {
            throw new IllegalArgumentException(Vae.NAME + ": latent arithmetic needs as many images in a, b and c, got "
                    + za.dim(0) + ", " + zb.dim(0) + " and " + zc.dim(0));
        }
        try (var off = Grad.off()) {
            return decode(za.sub(zb).add(zc), decodeClasses);
        }
    }

    /** {@link #impute(Tensor, Tensor, int[], int)} for an unconditional model, with the default iterations. */
    public Tensor impute(Tensor images, Tensor missing) {
        return impute(images, missing, null, Imputation.DEFAULT_ITERATIONS);
    }

    /**
     * The images with their missing pixels filled by reconstruct-and-replace: missing pixels start at
     * the mean of the image's observed pixels, then {@code iterations} times the mean reconstruction
     * of the current images replaces them; observed pixels are kept as given.
     *
     * @param missing non-zero where a pixel is missing, shaped like {@code images}
     * @param classes the class of each image for a conditional model, else null
     * @throws IllegalArgumentException for a mask or images of another shape, fewer than 1
     *                                  iteration, or classes that do not fit the model
     */
    public Tensor impute(Tensor images, Tensor missing, int[] classes, int iterations) {
        Tensor batch = image.batchOf(Vae.NAME, images);
        Tensor mask = image.batchOf(Vae.NAME, missing);
        return Imputation.impute(Vae.NAME, batch, mask, iterations, current -> reconstruct(current, classes));
    }

    /**
     * {@code negative-elbo}, {@code reconstruction}, {@code kl} (per image) and
     * {@code reconstruction-psnr} on {@code data} (see the class comment).
     *
     * @throws IllegalArgumentException for rows of another image shape, or a conditional model's data without classes
     */
    @Override
    public Map<String, Double> evaluate(Dataset data, long seed) {
        image.check(Vae.NAME, data);
        int rows = data.rows();
        Rng noise = new Rng(seed).derive("evaluation");
        double reconstruction = 0;
        double kl = 0;
        double squaredError = 0;
        try (var off = Grad.off()) {
            for (int from = 0; from < rows; from += DatasetImages.INFERENCE_BATCH) {
                int count = Math.min(DatasetImages.INFERENCE_BATCH, rows - from);
                Tensor images = DatasetImages.batch(data, image, from, count);
                Tensor oneHot = conditions.oneHot(classesOf(data, from, count), count);
                VaeNetworks.Posterior posterior = networks.encode(images, oneHot, Pass.inference());
                Tensor z = VaeLoss.reparameterize(posterior.mu(), posterior.logVariance(),
                        Tensor.randn(noise, count, params.latentDim()));
                reconstruction += PixelLosses.total(params.loss(), networks.decodeLogits(z, oneHot, Pass.inference()), images);
                kl += VaeLoss.klTotal(posterior.mu(), posterior.logVariance());
                Tensor mean = networks.decodeLogits(posterior.mu(), oneHot, Pass.inference()).sigmoid();
                squaredError += Psnr.sumOfSquares(TensorStorage.data(mean), TensorStorage.data(images), count * image.pixels());
            }
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("negative-elbo", (reconstruction + kl) / rows);
        figures.put("reconstruction", reconstruction / rows);
        figures.put("kl", kl / rows);
        figures.put("reconstruction-psnr", Psnr.of(squaredError, (long) rows * image.pixels()));
        return figures;
    }

    /** The classes of rows for a conditional model (checked to exist), or null for an unconditional one. */
    int[] classesOf(Dataset data, int from, int count) {
        if (!conditions.isConditional()) {
            return null;
        }
        int[] labels = DatasetImages.labels(data, from, count);
        if (labels == null) {
            throw new IllegalArgumentException(Vae.NAME + ": this conditional model needs the class of every image, but the"
                    + " data has no class targets");
        }
        return labels;
    }

    /**
     * Writes samples.png (prior samples: 10 rows of 10, or one row of 10 per class for a conditional
     * model), reconstructions.png (the first 10 images above their mean reconstructions),
     * interpolations.png (rows from image 2i to image 2i+1 of the data: the two images around 8
     * decoded steps) and latent-codes.csv (μ of every row).
     */
    @Override
    public List<String> writeArtifacts(Dataset data, Path directory, long seed) throws IOException {
        return VaePictures.write(this, data, directory, seed);
    }

    @Override
    public String toString() {
        return "VaeModel[" + image.attribute() + " -> " + params.latentDim() + (isConditional() ? ", conditional on "
                + conditions.count() + " classes" : "") + ", " + parameterCount() + " parameters]";
    }
}
