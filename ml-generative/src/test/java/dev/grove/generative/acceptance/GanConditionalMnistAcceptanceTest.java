package dev.grove.generative.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Classifier;
import dev.grove.api.run.RunContext;
import dev.grove.generative.gan.Gan;
import dev.grove.generative.gan.GanModel;
import dev.grove.neural.network.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Line 4 of the generative issue's acceptance (run with {@code ./mvnw test -Pacceptance}): a
 * conditional GAN trained on the first 8,000 MNIST t10k images generates 100 images per class, and
 * a CNN trained by the neural family on the same 8,000 images labels at least 80% of the 1,000 as
 * the class they were conditioned on. The sample grid is written to
 * {@code target/gan-acceptance/samples.png}.
 */
@Tag("acceptance")
class GanConditionalMnistAcceptanceTest {

    private static final int EPOCHS = 50;
    private static final int PER_CLASS = 100;
    private static final long SAMPLE_SEED = 2024;

    @Test
    void aCnnRecognisesTheConditionedClassInEightyPercentOfGeneratedDigits() throws Exception {
        Dataset all = GanMnistRecipe.mnist();
        Dataset train = GanMnistRecipe.rows(all, 0, GanMnistRecipe.TRAIN_ROWS);
        Dataset test = GanMnistRecipe.rows(all, GanMnistRecipe.TRAIN_ROWS, all.rows());

        long started = System.nanoTime();
        Classifier judge = (Classifier) new Network(GanMnistRecipe.judge()).fit(train, RunContext.withSeed(42));
        double judgeSeconds = (System.nanoTime() - started) / 1e9;
        double judgeAccuracy = accuracy(judge.predict(test), test.labels());
        System.out.printf(Locale.ROOT, "judge CNN: test accuracy %.4f (%.0f s)%n", judgeAccuracy, judgeSeconds);

        started = System.nanoTime();
        RunContext context = RunContext.builder(42).history((scope, epoch, values) -> System.out.printf(Locale.ROOT,
                "gan epoch %d: %s%n", epoch, values)).build();
        GanModel gan = new Gan(GanMnistRecipe.conditionalGan(EPOCHS)).fit(train, context);
        double ganSeconds = (System.nanoTime() - started) / 1e9;

        List<float[]> images = new ArrayList<>();
        double[] conditioned = new double[PER_CLASS * 10];
        for (int c = 0; c < 10; c++) {
            images.addAll(gan.generate(c, PER_CLASS, SAMPLE_SEED + c));
            Arrays.fill(conditioned, c * PER_CLASS, (c + 1) * PER_CLASS, c);
        }
        Dataset generated = Dataset.ofFloats(flatten(images), conditioned, train.schema());
        int[] predicted = judge.predict(generated);
        double agreement = accuracy(predicted, generated.labels());
        System.out.printf(Locale.ROOT, "conditional GAN: %d epochs in %.0f s; the CNN labels %.1f%% of %d generated"
                + " images as their conditioned class; per class %s; test figures %s%n", EPOCHS, ganSeconds,
                100 * agreement, images.size(), perClass(predicted, generated.labels()), gan.evaluate(test, 7));

        Path directory = Path.of("target", "gan-acceptance");
        assertThat(gan.writeArtifacts(test, directory, 1)).containsExactly(GanModel.SAMPLES_FILE);
        assertThat(Files.size(directory.resolve(GanModel.SAMPLES_FILE))).isPositive();
        assertThat(judgeAccuracy).as("the judge CNN's own test accuracy").isGreaterThan(0.95);
        assertThat(agreement).as("share of generated digits the CNN labels as their conditioned class")
                .isGreaterThanOrEqualTo(0.8);
    }

    private static float[] flatten(List<float[]> images) {
        int size = images.get(0).length;
        float[] out = new float[images.size() * size];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, out, i * size, size);
        }
        return out;
    }

    private static double accuracy(int[] predicted, int[] truth) {
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == truth[i] ? 1 : 0;
        }
        return correct / (double) predicted.length;
    }

    private static String perClass(int[] predicted, int[] truth) {
        int[] correct = new int[10];
        int[] total = new int[10];
        for (int i = 0; i < predicted.length; i++) {
            total[truth[i]]++;
            correct[truth[i]] += predicted[i] == truth[i] ? 1 : 0;
        }
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < 10; c++) {
            out.append(c == 0 ? "" : " ").append(c).append(':').append(correct[c]).append('/').append(total[c]);
        }
        return out.toString();
    }
}
