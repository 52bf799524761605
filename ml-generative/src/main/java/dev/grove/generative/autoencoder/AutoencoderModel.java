package dev.grove.generative.autoencoder;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ArtifactWriter;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.SelfEvaluating;
import dev.grove.generative.image.ImageGrid;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.storage.TensorStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted autoencoder (plain or denoising): encodes images to codes, reconstructs them (a
 * denoising model removes the noise it was trained on), corrupts images with that noise, and fills
 * in missing pixels. Immutable and safe for concurrent use: every pass runs without gradients and
 * only reads the weights. Images go in as {@code [n, channels, height, width]} (or flat
 * {@code [n, pixels]}) and come out as {@code [n, channels, height, width]}; each method runs its
 * whole input as one batch.
 *
 * <p>Figures ({@link #evaluate}), all on the clean images unless said otherwise:
 * {@code reconstruction} (the training loss per image: bce nats or summed squared error),
 * {@code reconstruction-mse} (per pixel) and {@code reconstruction-psnr}; for a denoising model also
 * {@code noisy-psnr} (the images corrupted with the model's noise, drawn from the seed, against the
 * clean ones), {@code denoised-psnr} (the reconstructions of the corrupted images against the
 * clean ones) and {@code psnr-gain} (their difference in dB). PSNR is 10 · log10(1 / MSE) with the
 * mean squared error over every pixel of the split.
 *
 * <p>State: the encoder's and decoder's arrays under {@code encoder.} and {@code decoder.}, and
 * the attributes {@code latent-dim}, {@code image-shape} and {@code parameters}.
 */
public final class AutoencoderModel implements SelfEvaluating, ArtifactWriter {

    /** Images shown in reconstructions.png. */
    static final int COLUMNS = 10;

    private static final String LATENT_ATTRIBUTE = "latent-dim";
    private static final String IMAGE_ATTRIBUTE = "image-shape";

    private final Schema schema;
    private final AutoencoderParams params;
    private final ImageShape image;
    private final Corruption noise;
    private final AutoencoderNetworks networks;

    AutoencoderModel(Schema schema, AutoencoderParams params, ImageShape image, AutoencoderNetworks networks) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.params = Objects.requireNonNull(params, "params");
        this.image = image;
        this.noise = params.corruption();
        this.networks = networks;
    }

    /**
     * Rebuilds a saved autoencoder from its params, the schema it was trained on and its state.
     *
     * @throws IllegalArgumentException when the state's latent size or image shape does not match the
     *                                  params and schema (naming expected and given), or an array is
     *                                  missing, extra or of another shape
     */
    public static AutoencoderModel restore(AutoencoderParams params, Schema schema, ModelState state) {
        ImageShape image = ImageShape.of(Autoencoder.NAME, schema);
        String savedLatent = state.attribute(LATENT_ATTRIBUTE);
        if (!savedLatent.equals(Integer.toString(params.latentDim()))) {
            throw new IllegalArgumentException(Autoencoder.NAME + ": the saved model has a latent size of " + savedLatent
                    + " but the params give latent-dim " + params.latentDim());
        }
        ImageShape savedImage = ImageShape.parse(Autoencoder.NAME, state.attribute(IMAGE_ATTRIBUTE));
        if (!savedImage.equals(image)) {
            throw new IllegalArgumentException(Autoencoder.NAME + ": the saved model was trained on images of shape "
                    + savedImage.attribute() + " but the schema gives " + image.attribute());
        }
        AutoencoderNetworks networks = AutoencoderNetworks.build(params, image, new Rng(0));
        networks.load(state);
        networks.dropGradients();
        return new AutoencoderModel(schema, params, image, networks);
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
                .attribute("parameters", Long.toString(networks.parameterCount()))
                .build();
    }

    /** The size of the code. */
    public int latentDim() {
        return params.latentDim();
    }

    /** The shape of the images the model takes and makes. */
    public ImageShape imageShape() {
        return image;
    }

    /** Whether the model was trained to remove noise. */
    public boolean isDenoising() {
        return noise.isActive();
    }

    /** The number of learned values. */
    public long parameterCount() {
        return networks.parameterCount();
    }

    /**
     * The codes {@code [n, latent]} of {@code images}.
     *
     * @throws IllegalArgumentException for images of another shape
     */
    public Tensor encode(Tensor images) {
        try (var off = Grad.off()) {
            return networks.encode(image.batchOf(Autoencoder.NAME, images), Pass.inference());
        }
    }

    /**
     * The images {@code [n, channels, height, width]} decoded from codes {@code [n, latent]}.
     *
     * @throws IllegalArgumentException for codes of another size
     */
    public Tensor decode(Tensor codes) {
        int[] shape = codes.shape();
        if (shape.length != 2 || shape[1] != params.latentDim()) {
            throw new IllegalArgumentException(Autoencoder.NAME + ": codes must be [n, " + params.latentDim()
                    + "] (the model's latent size), got " + Arrays.toString(shape));
        }
        try (var off = Grad.off()) {
            return networks.decodeLogits(codes, Pass.inference()).sigmoid().reshape(image.batch(shape[0]));
        }
    }

    /** decode(encode(images)): the reconstructions, denoised for a denoising model. */
    public Tensor reconstruct(Tensor images) {
        return decode(encode(images));
    }

    /**
     * {@code images} corrupted with the noise the model was trained on (unchanged for a plain
     * autoencoder), drawn from a stream seeded by {@code seed}.
     */
    public Tensor corrupt(Tensor images, long seed) {
        Tensor batch = image.batchOf(Autoencoder.NAME, images);
        Tensor noisy = Tensor.zeros(batch.shape());
        noise.apply(batch.toFloatArray(), TensorStorage.data(noisy), noisy.size(), new Rng(seed).derive("noise"));
        return noisy;
    }

    /** {@link #impute(Tensor, Tensor, int)} with the default number of iterations. */
    public Tensor impute(Tensor images, Tensor missing) {
        return impute(images, missing, Imputation.DEFAULT_ITERATIONS);
    }

    /**
     * The images with their missing pixels filled by reconstruct-and-replace: missing pixels start at
     * the mean of the image's observed pixels, then {@code iterations} times the reconstruction of the
     * current images replaces them; observed pixels are kept as given.
     *
     * @param missing non-zero where a pixel is missing, shaped like {@code images}
     * @throws IllegalArgumentException for a mask or images of another shape, or fewer than 1 iteration
     */
    public Tensor impute(Tensor images, Tensor missing, int iterations) {
        Tensor batch = image.batchOf(Autoencoder.NAME, images);
        Tensor mask = image.batchOf(Autoencoder.NAME, missing);
        return Imputation.impute(Autoencoder.NAME, batch, mask, iterations, this::reconstruct);
    }

    /**
     * The figures on {@code data} (see the class comment); the noise of the denoising figures is
     * drawn from {@code seed}, image by image.
     *
     * @throws IllegalArgumentException for rows of another image shape
     */
    @Override
    public Map<String, Double> evaluate(Dataset data, long seed) {
        image.check(Autoencoder.NAME, data);
        int rows = data.rows();
        Rng noiseStream = new Rng(seed).derive("noise");
        double loss = 0;
        double cleanError = 0;
        double noisyError = 0;
        double denoisedError = 0;
        try (var off = Grad.off()) {
            for (int from = 0; from < rows; from += DatasetImages.INFERENCE_BATCH) {
                int count = Math.min(DatasetImages.INFERENCE_BATCH, rows - from);
                int values = count * image.pixels();
                Tensor clean = DatasetImages.batch(data, image, from, count);
                float[] cleanValues = TensorStorage.data(clean);
                Tensor logits = networks.decodeLogits(networks.encode(clean, Pass.inference()), Pass.inference());
                loss += PixelLosses.total(params.loss(), logits, clean);
                cleanError += Psnr.sumOfSquares(TensorStorage.data(logits.sigmoid()), cleanValues, values);
                if (noise.isActive()) {
                    Tensor noisy = Tensor.zeros(image.batch(count));
                    noise.apply(cleanValues, TensorStorage.data(noisy), values, noiseStream);
                    noisyError += Psnr.sumOfSquares(TensorStorage.data(noisy), cleanValues, values);
                    Tensor denoised = networks.decodeLogits(networks.encode(noisy, Pass.inference()), Pass.inference()).sigmoid();
                    denoisedError += Psnr.sumOfSquares(TensorStorage.data(denoised), cleanValues, values);
                }
            }
        }
        long pixels = (long) rows * image.pixels();
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("reconstruction", loss / rows);
        figures.put("reconstruction-mse", cleanError / pixels);
        figures.put("reconstruction-psnr", Psnr.of(cleanError, pixels));
        if (noise.isActive()) {
            double noisyPsnr = Psnr.of(noisyError, pixels);
            double denoisedPsnr = Psnr.of(denoisedError, pixels);
            figures.put("noisy-psnr", noisyPsnr);
            figures.put("denoised-psnr", denoisedPsnr);
            figures.put("psnr-gain", denoisedPsnr - noisyPsnr);
        }
        return figures;
    }

    /**
     * Writes reconstructions.png (the first 10 images in a row, for a denoising model their corrupted
     * forms below, then the reconstructions) and latent-codes.csv (the code of every row).
     */
    @Override
    public List<String> writeArtifacts(Dataset data, Path directory, long seed) throws IOException {
        image.check(Autoencoder.NAME, data);
        List<String> written = new ArrayList<>();
        int rows = data.rows();
        if (rows == 0) {
            return written;
        }
        int shown = Math.min(COLUMNS, rows);
        Tensor originals = DatasetImages.batch(data, image, 0, shown);
        Tensor input = noise.isActive() ? corrupt(originals, seed) : originals;
        List<float[]> grid = new ArrayList<>(image.split(originals.toFloatArray(), shown));
        if (noise.isActive()) {
            grid.addAll(image.split(input.toFloatArray(), shown));
        }
        grid.addAll(image.split(reconstruct(input).toFloatArray(), shown));
        ImageGrid.write(directory.resolve("reconstructions.png"), grid, image.channels(), image.height(), image.width(), shown);
        written.add("reconstructions.png");
        LatentCodesCsv.write(directory.resolve(LatentCodesCsv.FILE), codes(data), params.latentDim(), data);
        written.add(LatentCodesCsv.FILE);
        return written;
    }

    /** The code of every row of {@code data}, row-major. */
    private float[] codes(Dataset data) {
        int rows = data.rows();
        int k = params.latentDim();
        float[] out = new float[rows * k];
        for (int from = 0; from < rows; from += DatasetImages.INFERENCE_BATCH) {
            int count = Math.min(DatasetImages.INFERENCE_BATCH, rows - from);
            Tensor codes = encode(DatasetImages.batch(data, image, from, count));
            System.arraycopy(TensorStorage.data(codes), 0, out, from * k, count * k);
        }
        return out;
    }

    @Override
    public String toString() {
        return "AutoencoderModel[" + image.attribute() + " -> " + params.latentDim()
                + (isDenoising() ? ", denoising " + params.noise() + " " + params.noiseLevel() : "") + ", "
                + parameterCount() + " parameters]";
    }
}
