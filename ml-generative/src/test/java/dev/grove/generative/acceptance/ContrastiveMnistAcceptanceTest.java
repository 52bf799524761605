package dev.grove.generative.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.api.spi.Component;
import dev.grove.generative.GenerativePlugin;
import dev.grove.generative.contrastive.Clip;
import dev.grove.generative.contrastive.ClipModel;
import dev.grove.generative.contrastive.ClipParams;
import dev.grove.neural.data.MnistParams;
import dev.grove.neural.data.MnistSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, acceptance 5 (run with {@code ./mvnw test -Pacceptance}): a CLIP-style model trained on
 * the first 8,000 t10k images with captions built from their labels in several phrasings classifies
 * the last 2,000 zero-shot, with prompts of a phrasing no caption used ("a picture showing the
 * digit seven": "picture", "showing" and "digit" are unknown words to it), at an accuracy of at
 * least 0.8. The recipe is examples/mnist-clip.yaml's.
 */
@Tag("acceptance")
class ContrastiveMnistAcceptanceTest {

    static final List<String> CLASS_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine");
    static final List<String> CAPTIONS = List.of("a photo of the number {class}", "an image of a {label}",
            "a handwritten {class}", "a scan of the numeral {class}", "the number {label} in black and white");
    static final List<String> PROMPTS = List.of("a picture showing the digit {class}");

    @Test
    void zeroShotAccuracyWithAnUnseenPhrasingIsAtLeast80Percent() {
        Dataset all = new MnistSource(MnistParams.of("../datasets/mnist-t10k-images-idx3-ubyte.gz",
                "../datasets/mnist-t10k-labels-idx1-ubyte.gz")).load(RunContext.withSeed(0)).data();
        Dataset train = all.view(IntStream.range(0, 8000).toArray());
        Dataset test = all.view(IntStream.range(8000, 10000).toArray());
        ClipParams params = ClipParams.defaults().withClassWords(CLASS_WORDS).withTemplates(CAPTIONS, PROMPTS);

        long started = System.nanoTime();
        ClipModel model = new Clip(params).fit(train, RunContext.withSeed(42));
        double seconds = (System.nanoTime() - started) / 1e9;
        double accuracy = accuracy(model.predict(test), test);
        // Another unseen phrasing, given as whole texts through zeroShot.
        List<String> other = CLASS_WORDS.stream().map(w -> "this is a " + w).toList();
        double otherAccuracy = accuracy(model.zeroShot(test, other).classes(), test);

        System.out.printf("clip zero-shot accuracy %.4f ('a picture showing the digit ...'), %.4f ('this is a ...'),"
                + " logit scale %.2f, trained in %.1f s%n", accuracy, otherAccuracy, model.logitScale(), seconds);
        assertThat(accuracy).as("zero-shot accuracy on the last 2,000 t10k images").isGreaterThanOrEqualTo(0.8);
        ClipModel restored = restore(params, model);
        assertThat(restored.predictProba(test)).isDeepEqualTo(model.predictProba(test));
    }

    /** The model rebuilt from its state through the plugin's registered restorer, as loading model.grove does. */
    private static ClipModel restore(ClipParams params, ClipModel model) {
        List<Component<?>> components = new ArrayList<>();
        new GenerativePlugin().register(components::add);
        @SuppressWarnings("unchecked")
        Component<ClipParams> clip = (Component<ClipParams>) components.stream()
                .filter(c -> c.name().equals(Clip.NAME)).findFirst().orElseThrow();
        return (ClipModel) clip.restorer().restore(params, model.schema(), model.state());
    }

    private static double accuracy(int[] predicted, Dataset data) {
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == data.label(i) ? 1 : 0;
        }
        return correct / (double) predicted.length;
    }
}
