package dev.grove.tensor;

/**
 * The sizes of one 2-D convolution over NCHW tensors, checked once: n images of c channels, h×w
 * pixels, f filters of kh×kw, and the output size they give.
 */
record ConvGeometry(int n, int c, int h, int w, int f, int kh, int kw,
                    int strideH, int strideW, int padH, int padW, int outH, int outW) {

    /** Values in one receptive field: a row of the weight matrix, a column of the unfolded images. */
    int patch() {
        return c * kh * kw;
    }

    /** Output pixels of one image. */
    int pixels() {
        return outH * outW;
    }

    /** Columns of the wide matrices: every output pixel of every image. */
    int width() {
        return n * pixels();
    }

    boolean padded() {
        return padH > 0 || padW > 0;
    }
}
