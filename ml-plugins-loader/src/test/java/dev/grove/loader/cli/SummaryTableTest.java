package dev.grove.loader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.model.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Keras-style table of {@code grove summary}, for the course's CIFAR-10 CNN (figures from the issue). */
class SummaryTableTest {

    private static String gap(int spaces) {
        return " ".repeat(spaces);
    }

    @Test
    void theCourseCnnPrintsAsKerasDoes() {
        Summary cnn = new Summary(List.of(
                new Summary.Row("conv2d-1", "conv2d", List.of(30, 30, 32), 896),
                new Summary.Row("max-pool2d-1", "max-pool2d", List.of(15, 15, 32), 0),
                new Summary.Row("conv2d-2", "conv2d", List.of(13, 13, 64), 18_496),
                new Summary.Row("max-pool2d-2", "max-pool2d", List.of(6, 6, 64), 0),
                new Summary.Row("conv2d-3", "conv2d", List.of(4, 4, 64), 36_928),
                new Summary.Row("flatten-1", "flatten", List.of(1024), 0),
                new Summary.Row("dense-1", "dense", List.of(64), 65_600),
                new Summary.Row("dense-2", "dense", List.of(10), 650)), 122_570, 122_570);

        // Columns: the longest name (25 characters), the widest shape or its header (12), the header
        // "Param #" (7), four spaces between; counts are right-aligned.
        assertThat(SummaryTable.format(cnn)).isEqualTo(String.join("\n",
                "Layer (type)" + gap(17) + "Output shape" + gap(4) + "Param #",
                "=".repeat(52),
                "conv2d-1 (conv2d)" + gap(12) + "(30, 30, 32)" + gap(8) + "896",
                "max-pool2d-1 (max-pool2d)" + gap(4) + "(15, 15, 32)" + gap(10) + "0",
                "conv2d-2 (conv2d)" + gap(12) + "(13, 13, 64)" + gap(5) + "18,496",
                "max-pool2d-2 (max-pool2d)" + gap(4) + "(6, 6, 64)" + gap(12) + "0",
                "conv2d-3 (conv2d)" + gap(12) + "(4, 4, 64)" + gap(7) + "36,928",
                "flatten-1 (flatten)" + gap(10) + "(1024)" + gap(16) + "0",
                "dense-1 (dense)" + gap(14) + "(64)" + gap(13) + "65,600",
                "dense-2 (dense)" + gap(14) + "(10)" + gap(16) + "650",
                "=".repeat(52),
                "Total params: 122,570",
                "Trainable params: 122,570",
                "Non-trainable params: 0",
                ""));
    }

    @Test
    void countsHaveThousandsSeparatorsAndShapesParentheses() {
        assertThat(SummaryTable.count(1_234_567)).isEqualTo("1,234,567");
        assertThat(SummaryTable.count(999)).isEqualTo("999");
        assertThat(SummaryTable.shape(List.of(3, 32, 32))).isEqualTo("(3, 32, 32)");
        assertThat(SummaryTable.shape(List.of())).isEqualTo("()");
    }
}
