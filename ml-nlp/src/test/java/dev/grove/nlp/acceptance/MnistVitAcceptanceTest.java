package dev.grove.nlp.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Classifier;
import dev.grove.api.run.RunContext;
import dev.grove.neural.data.MnistParams;
import dev.grove.neural.data.MnistSource;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.SequentialSpec;
import dev.grove.neural.network.Network;
import dev.grove.neural.network.NetworkParams;
import dev.grove.neural.train.TrainParams;
import dev.grove.nlp.sequence.PatchesParams;
import dev.grove.nlp.sequence.PatchesSpec;
import dev.grove.nlp.sequence.SequencePoolParams;
import dev.grove.nlp.sequence.SequencePoolSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The vision-transformer line of the language issue (run with {@code ./mvnw test -Pacceptance}): the
 * small ViT of examples/mnist-vit.yaml, trained on the first 8,000 images of MNIST's t10k set,
 * classifies the last 2,000 with accuracy at least 0.95.
 */
@Tag("acceptance")
class MnistVitAcceptanceTest {

    @Test
    void theSmallVisionTransformerReachesNinetyFivePercent() {
        Dataset all = new MnistSource(MnistParams.of(NlpRecipes.dataFile("mnist-t10k-images-idx3-ubyte.gz"),
                NlpRecipes.dataFile("mnist-t10k-labels-idx1-ubyte.gz"))).load(RunContext.withSeed(0)).data();
        Dataset train = NlpRecipes.rows(all, 0, 8000);
        Dataset test = NlpRecipes.rows(all, 8000, 10000);
        LayerSpec layers = SequentialSpec.of(new PatchesSpec(new PatchesParams(7)), NlpRecipes.dense(64, "linear"),
                NlpRecipes.learnedPositions(), NlpRecipes.encoder(4), NlpRecipes.encoder(4), NlpRecipes.layerNorm(),
                new SequencePoolSpec(new SequencePoolParams("mean")), NlpRecipes.dense(10, "softmax"));
        TrainParams recipe = NlpRecipes.adam(1e-3).withBatchSize(64).withEpochs(15);

        Classifier model = (Classifier) new Network(new NetworkParams(layers, recipe)).fit(train, RunContext.withSeed(42));
        double accuracy = NlpRecipes.accuracy(model.predict(test), test);

        System.out.printf("ViT test accuracy %.4f%n", accuracy);
        assertThat(accuracy).as("ViT accuracy on the last 2,000 t10k images").isGreaterThanOrEqualTo(0.95);
    }
}
