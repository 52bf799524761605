package dev.grove.neural.data;

import java.util.List;

/**
 * Checks CIFAR-10 binary files ({@code data_batch_1.bin}, {@code test_batch.bin}, …): records of
 * one label byte (0–9) followed by 3,072 pixel bytes, the 1,024 red values of the 32×32 image, then
 * the 1,024 green, then the 1,024 blue, each plane row-major. That pixel layout is already
 * channels-first ({@code [3, 32, 32]}), so a record's pixels are a sample's features in order.
 */
final class CifarFormat {

    /** Channels of an image. */
    static final int CHANNELS = 3;
    /** Rows and columns of an image. */
    static final int SIDE = 32;
    /** Pixel bytes in a record. */
    static final int PIXELS = CHANNELS * SIDE * SIDE;
    /** Bytes in a record: the label, then the pixels. */
    static final int RECORD = 1 + PIXELS;
    /** The class names, in label order. */
    static final List<String> LABELS = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse",
            "ship", "truck");

    private CifarFormat() {
    }

    /**
     * Checks a file and returns its number of records.
     *
     * @throws IllegalArgumentException naming the file and the problem: empty, a length that is not a
     *                                  multiple of 3,073 (a record cut short), a label above 9
     */
    static int records(DataFile file) {
        int length = file.length();
        if (length == 0) {
            throw file.problem("the file is empty; expected CIFAR-10 binary records of " + RECORD
                    + " bytes (1 label byte, then 3,072 pixel bytes)");
        }
        if (length % RECORD != 0) {
            throw file.problem(length + " bytes is not a multiple of " + RECORD + " (a record is 1 label byte, then"
                    + " 1,024 red, 1,024 green and 1,024 blue bytes): record " + length / RECORD + " (counting from 0)"
                    + " is cut short after " + length % RECORD + " bytes, or this is not a CIFAR-10 binary file");
        }
        int count = length / RECORD;
        for (int r = 0; r < count; r++) {
            int label = file.unsignedAt(r * RECORD);
            if (label >= LABELS.size()) {
                throw file.problem("record " + r + " (counting from 0) has label " + label + ", expected 0 to "
                        + (LABELS.size() - 1) + " (is this a CIFAR-100 file, or not a CIFAR file at all?)");
            }
        }
        return count;
    }
}
