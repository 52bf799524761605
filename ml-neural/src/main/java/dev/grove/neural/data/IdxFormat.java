package dev.grove.neural.data;

/**
 * Checks IDX files, the format of the MNIST distribution: a big-endian header of a magic number
 * ({@code 00 00}, the element type {@code 08} for unsigned bytes, the number of dimensions) and one
 * 32-bit size per dimension, then the elements. Image files have three dimensions (count, rows,
 * columns: magic {@code 0x00000803}), label files one (count: magic {@code 0x00000801}); the file must
 * be exactly as long as its header says.
 */
final class IdxFormat {

    /** Magic number of an IDX file of unsigned bytes in three dimensions. */
    static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes in one dimension. */
    static final int LABELS_MAGIC = 0x00000801;
    /** Where the pixels of an image file start: the magic number and three sizes. */
    static final int IMAGES_HEADER = 16;
    /** Where the labels of a label file start: the magic number and one size. */
    static final int LABELS_HEADER = 8;

    private IdxFormat() {
    }

    /**
     * The sizes of an image file: {@code count} images of {@code rows} × {@code columns} bytes, stored
     * one after another from {@link #IMAGES_HEADER}.
     *
     * @param count   number of images
     * @param rows    rows of each image
     * @param columns columns of each image
     */
    record ImageSizes(int count, int rows, int columns) {

        /** Pixels in one image. */
        int pixels() {
            return rows * columns;
        }
    }

    /**
     * Checks an image file and returns its sizes.
     *
     * @throws IllegalArgumentException naming the file and the problem: wrong magic number, a size
     *                                  that is not positive, a file truncated at image k or longer
     *                                  than its header says
     */
    static ImageSizes images(DataFile file) {
        checkMagic(file, IMAGES_MAGIC, IMAGES_HEADER, "an IDX images file (unsigned bytes, 3 dimensions)");
        int count = positiveSize(file, 4, "image count");
        int rows = positiveSize(file, 8, "row count");
        int columns = positiveSize(file, 12, "column count");
        long pixels = (long) rows * columns;
        long expected = IMAGES_HEADER + count * pixels;
        long actual = file.length();
        String announced = "the header announces " + count + " images of " + rows + "×" + columns + " pixels, "
                + expected + " bytes with the header";
        if (actual < expected) {
            long complete = (actual - IMAGES_HEADER) / pixels;
            throw file.problem("truncated at image " + complete + " (counting from 0): the file has " + actual
                    + " bytes but " + announced);
        }
        if (actual > expected) {
            throw file.problem((actual - expected) + " bytes after the last image: " + announced + ", the file has "
                    + actual);
        }
        return new ImageSizes(count, rows, columns);
    }

    /**
     * Checks a label file, and that each label is a class index below {@code classes}; returns the
     * label count.
     *
     * @throws IllegalArgumentException naming the file and the problem: wrong magic number, a file
     *                                  truncated at label k or longer than its header says, a label
     *                                  out of range
     */
    static int labels(DataFile file, int classes) {
        checkMagic(file, LABELS_MAGIC, LABELS_HEADER, "an IDX labels file (unsigned bytes, 1 dimension)");
        int count = positiveSize(file, 4, "label count");
        long expected = (long) LABELS_HEADER + count;
        long actual = file.length();
        if (actual < expected) {
            throw file.problem("truncated at label " + (actual - LABELS_HEADER) + " (counting from 0): the file has "
                    + actual + " bytes but the header announces " + count + " labels, " + expected + " bytes with the header");
        }
        if (actual > expected) {
            throw file.problem((actual - expected) + " bytes after the last label: the header announces " + count
                    + " labels, " + expected + " bytes with the header, the file has " + actual);
        }
        for (int i = 0; i < count; i++) {
            int label = file.unsignedAt(LABELS_HEADER + i);
            if (label >= classes) {
                throw file.problem("label " + i + " (counting from 0) is " + label + ", expected a class index 0 to "
                        + (classes - 1));
            }
        }
        return count;
    }

    private static void checkMagic(DataFile file, int magic, int header, String expected) {
        if (file.length() < 4) {
            throw file.problem("too short for an IDX file (" + file.length() + " bytes); expected " + expected);
        }
        int found = file.intAt(0);
        if (found != magic) {
            String swapped = found == (magic == IMAGES_MAGIC ? LABELS_MAGIC : IMAGES_MAGIC)
                    ? " (it is the other kind of IDX file: are images and labels swapped?)" : "";
            throw file.problem(String.format("wrong magic number 0x%08X, expected 0x%08X for %s%s", found, magic,
                    expected, swapped));
        }
        if (file.length() < header) {
            throw file.problem("the header is cut short: " + file.length() + " bytes, it needs " + header);
        }
    }

    private static int positiveSize(DataFile file, int offset, String what) {
        int size = file.intAt(offset);
        if (size < 1) {
            throw file.problem("the header's " + what + " is " + Integer.toUnsignedString(size) + ", expected at least 1"
                    + " (and below 2^31)");
        }
        return size;
    }
}
