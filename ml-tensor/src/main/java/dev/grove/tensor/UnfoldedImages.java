package dev.grove.tensor;

import dev.grove.tensor.kernel.MatrixSource;

/**
 * The receptive fields of a batch of images (im2col) as a matrix that is never stored: the GEMM
 * asks for blocks and they are gathered from the input straight into its packing buffer. Element
 * (p, j) is the input value under patch element p = (channel·kh + ky)·kw + kx at output pixel
 * j = (image·outH + oy)·outW + ox, or 0 where that falls in the padding.
 *
 * <p>{@link #patchRows()} is that [patch, width] matrix (the right operand of the forward product);
 * {@link #patchColumns()} is its transpose [width, patch] (the right operand of the weight gradient).
 */
final class UnfoldedImages {

    private final float[] input;
    private final ConvGeometry geo;

    UnfoldedImages(float[] input, ConvGeometry geo) {
        this.input = input;
        this.geo = geo;
    }

    /** The [patch, width] matrix. */
    MatrixSource patchRows() {
        return this::copyPatchRows;
    }

    /** The [width, patch] matrix. */
    MatrixSource patchColumns() {
        return this::copyPatchColumns;
    }

    /** Rows are patch elements, columns output pixels. */
    private void copyPatchRows(int row0, int rows, int col0, int cols, float[] dst, int offset, int stride) {
        int[] base = new int[cols];
        int[] top = new int[cols];
        int[] left = new int[cols];
        for (int jj = 0; jj < cols; jj++) {
            locate(col0 + jj, jj, base, top, left);
        }
        int kx = row0 % geo.kw();
        int ky = row0 / geo.kw() % geo.kh();
        int channel = row0 / (geo.kw() * geo.kh());
        for (int r = 0; r < rows; r++) {
            int delta = (channel * geo.h() + ky) * geo.w() + kx;
            int d = offset + r * stride;
            if (!geo.padded()) {
                for (int jj = 0; jj < cols; jj++) {
                    dst[d + jj] = input[base[jj] + delta];
                }
            } else {
                for (int jj = 0; jj < cols; jj++) {
                    dst[d + jj] = inside(top[jj] + ky, left[jj] + kx) ? input[base[jj] + delta] : 0f;
                }
            }
            if (++kx == geo.kw()) {
                kx = 0;
                if (++ky == geo.kh()) {
                    ky = 0;
                    channel++;
                }
            }
        }
    }

    /** Rows are output pixels, columns patch elements. */
    private void copyPatchColumns(int row0, int rows, int col0, int cols, float[] dst, int offset, int stride) {
        int[] delta = new int[cols];
        int[] kys = new int[cols];
        int[] kxs = new int[cols];
        for (int jj = 0; jj < cols; jj++) {
            int p = col0 + jj;
            kxs[jj] = p % geo.kw();
            kys[jj] = p / geo.kw() % geo.kh();
            delta[jj] = (p / (geo.kw() * geo.kh()) * geo.h() + kys[jj]) * geo.w() + kxs[jj];
        }
        int pixel = row0 % geo.pixels();
        int image = row0 / geo.pixels();
        int oy = pixel / geo.outW();
        int ox = pixel % geo.outW();
        int imageSize = geo.c() * geo.h() * geo.w();
        for (int r = 0; r < rows; r++) {
            int top = oy * geo.strideH() - geo.padH();
            int left = ox * geo.strideW() - geo.padW();
            int b = image * imageSize + top * geo.w() + left;
            int d = offset + r * stride;
            if (!geo.padded()) {
                for (int jj = 0; jj < cols; jj++) {
                    dst[d + jj] = input[b + delta[jj]];
                }
            } else {
                for (int jj = 0; jj < cols; jj++) {
                    dst[d + jj] = inside(top + kys[jj], left + kxs[jj]) ? input[b + delta[jj]] : 0f;
                }
            }
            if (++ox == geo.outW()) {
                ox = 0;
                if (++oy == geo.outH()) {
                    oy = 0;
                    image++;
                }
            }
        }
    }

    /**
     * For output pixel j: the input row and column of its receptive field's top-left corner (which
     * may lie in the padding) and the input index of that corner in channel 0.
     */
    private void locate(int j, int at, int[] base, int[] top, int[] left) {
        int pixels = geo.pixels();
        int image = j / pixels;
        int pixel = j - image * pixels;
        int oy = pixel / geo.outW();
        int ox = pixel - oy * geo.outW();
        top[at] = oy * geo.strideH() - geo.padH();
        left[at] = ox * geo.strideW() - geo.padW();
        base[at] = image * geo.c() * geo.h() * geo.w() + top[at] * geo.w() + left[at];
    }

    private boolean inside(int y, int x) {
        return y >= 0 && y < geo.h() && x >= 0 && x < geo.w();
    }
}
