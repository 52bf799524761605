package dev.grove.neural.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.Model;
import dev.grove.api.run.InMemoryStateFiles;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.SequentialSpec;
import dev.grove.neural.network.Network;
import dev.grove.neural.network.NetworkParams;
import dev.grove.neural.train.TrainParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Transfer learning on the digits data: a network (a hidden layer of 256 relu units, then a head)
 * pretrained on the digits 0-4 keeps that body frozen and retrains its head on the digits 5-9; the
 * frozen weights stay bitwise unchanged and the new task is learned (accuracy at least 0.9 on
 * held-out images of 5-9; 0.914 when written). A deeper frozen body (64-64) reached only 0.70: its
 * second layer had specialised to 0-4.
 */
class DigitsTransferTest {

    private static final List<String> FIVE = List.of("a", "b", "c", "d", "e");

    @Test
    void aFrozenBodyPretrainedOnZeroToFourServesFiveToNine() throws IOException {
        List<double[]> low = new ArrayList<>();
        List<double[]> high = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../datasets/digits.csv")).subList(1, 1798)) {
            String[] cells = line.split(",");
            double[] row = new double[65];
            for (int j = 0; j < 65; j++) {
                // Pixels are 0-16; scaled to [0, 1]. The last cell is the digit.
                row[j] = j < 64 ? Double.parseDouble(cells[j]) / 16 : Double.parseDouble(cells[j]);
            }
            (row[64] < 5 ? low : high).add(row);
        }
        Dataset zeroToFour = dataset(low, 0);
        Dataset fiveToNine = dataset(high, 5);
        int cut = fiveToNine.rows() * 7 / 10;
        Dataset retrain = fiveToNine.view(java.util.stream.IntStream.range(0, cut).toArray());
        Dataset heldOut = fiveToNine.view(java.util.stream.IntStream.range(cut, fiveToNine.rows()).toArray());

        LayerSpec body = SequentialSpec.of(Recipes.dense(256, "relu"), Recipes.dense(5, "softmax"));
        Model pretrained = new Network(new NetworkParams(body, Recipes.adam(30, 32))).fit(zeroToFour, RunContext.withSeed(1));
        InMemoryStateFiles files = new InMemoryStateFiles();
        files.write(Path.of("pretrained.grove"), pretrained.state());

        TrainParams transfer = Recipes.adam(30, 32).withInitFrom("pretrained.grove").withFreeze(List.of("1"));
        RunContext context = RunContext.builder(2).stateFiles(files).build();
        Classifier retrained = (Classifier) new Network(new NetworkParams(body, transfer)).fit(retrain, context);

        for (String frozen : List.of("dense-1.weight", "dense-1.bias")) {
            assertThat(retrained.state().floats(frozen)).as(frozen).isEqualTo(pretrained.state().floats(frozen));
        }
        assertThat(retrained.state().floats("dense-2.weight")).isNotEqualTo(pretrained.state().floats("dense-2.weight"));
        int[] predicted = retrained.predict(heldOut);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == heldOut.label(i) ? 1 : 0;
        }
        assertThat(correct / (double) predicted.length).as("accuracy on held-out 5-9").isGreaterThanOrEqualTo(0.9);
    }

    /** Rows of 64 pixels and a digit, the digit shifted down by {@code first} to a class index 0-4. */
    private static Dataset dataset(List<double[]> rows, int first) {
        double[][] x = new double[rows.size()][];
        double[] y = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = java.util.Arrays.copyOf(rows.get(i), 64);
            y[i] = rows.get(i)[64] - first;
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < 64; j++) {
            names.add("p" + j);
        }
        return Dataset.of(x, y, new Schema(names, "digit", FIVE));
    }
}
