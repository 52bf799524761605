package dev.grove.tensor.kernel;

/**
 * A matrix that is never stored whole: its blocks are written on demand, straight into the buffer
 * a GEMM packs its operand into. Convolution uses it for the unfolded images (im2col), which would
 * otherwise be written out in full only to be copied again by the GEMM's packing.
 *
 * <p>Implementations must be safe to call from several threads at once for different blocks.
 */
@FunctionalInterface
public interface MatrixSource {

    /**
     * Writes rows [row0, row0+rows) and columns [col0, col0+cols) of the matrix into {@code dst}:
     * element (row0 + r, col0 + c) goes to {@code dst[offset + r*stride + c]}. Nothing else of
     * {@code dst} may be written.
     */
    void copy(int row0, int rows, int col0, int cols, float[] dst, int offset, int stride);
}
