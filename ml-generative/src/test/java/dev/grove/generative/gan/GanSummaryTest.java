package dev.grove.generative.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.grove.api.model.Summary;
import dev.grove.neural.layer.ActivationSpec;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.LeakyReluParams;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gan estimator's layer table: the generator's rows, then the discriminator's, against counts worked out by hand. */
class GanSummaryTest {

    @Test
    void aConditionalGanIsSummarisedAsGeneratorThenDiscriminator() {
        GanParams params = GanParams.of(
                List.of(new DenseSpec(DenseParams.of(8, "linear")), ActivationSpec.leakyRelu(new LeakyReluParams(0.2))),
                List.of(new DenseSpec(DenseParams.of(8, "linear")), ActivationSpec.leakyRelu(new LeakyReluParams(0.2))))
                .withLatentDim(3).withConditional(true);

        // 4x4 images, 2 classes: the generator maps 3 + 2 values to 16 pixels, the discriminator 16 + 2 values to 1 logit.
        Summary summary = new Gan(params).summary(TinyImages.schema());

        assertThat(summary.rows()).filteredOn(row -> row.parameters() > 0)
                .extracting(Summary.Row::name, Summary.Row::outputShape, Summary.Row::parameters)
                .containsExactly(
                        tuple("generator.dense-1", List.of(8), 5L * 8 + 8),
                        tuple("generator.dense-2", List.of(16), 8L * 16 + 16),
                        tuple("discriminator.dense-1", List.of(8), 18L * 8 + 8),
                        tuple("discriminator.dense-2", List.of(1), 8L + 1));
        assertThat(summary.rows()).hasSize(6);
        assertThat(summary.total()).isEqualTo(48L + 144 + 152 + 9);
        assertThat(summary.trainable()).isEqualTo(353L);
    }
}
