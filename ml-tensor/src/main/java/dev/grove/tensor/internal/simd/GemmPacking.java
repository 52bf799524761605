package dev.grove.tensor.internal.simd;

import static dev.grove.tensor.internal.simd.MicroKernel.MR;
import static dev.grove.tensor.internal.simd.MicroKernel.NR;

import dev.grove.tensor.kernel.MatrixSource;
import java.util.Arrays;


/**
 * Copies blocks of op(A) and op(B) into the contiguous micro-panel layout {@link MicroKernel} reads,
 * so the kernel streams both operands with unit stride whatever the transposes, offsets and leading
 * dimensions. Rows or columns past the matrix edge are written as zeros (buffers are reused, so
 * padding is never assumed to be zero already), which lets every tile run the full-size kernel.
 *
 * <p>Each copy loop reads the source along its rows, the unit-stride direction, and writes to a few
 * sequential streams, so neither side walks a new page or cache line per element.
 */
final class GemmPacking {

    /** Rows of source copied per pass when transposing, so the written lines stay in L1. */
    private static final int TRANSPOSE_BLOCK = 64;

    /** Rows of a row-major B copied per pass: 16 rows of 8 panels are 8 KiB of reads. */
    private static final int ROW_BLOCK = 16;

    private GemmPacking() {
    }

    /**
     * Packs rows [i0, i0+rows) and columns [p0, p0+kc) of op(A) into {@code dst}: micro-panel q holds
     * rows i0+q·MR .. +MR, laid out column by column (MR values per column).
     */
    static void packA(boolean transA, float[] a, int aOffset, int lda,
                      int i0, int rows, int p0, int kc, float[] dst) {
        for (int q = 0; q * MR < rows; q++) {
            int valid = Math.min(MR, rows - q * MR);
            int out = q * kc * MR;
            if (transA) {
                packTransposedAPanel(a, aOffset + p0 * lda + i0 + q * MR, lda, kc, valid, dst, out);
            } else if (valid == MR) {
                packFullAPanel(a, aOffset + (i0 + q * MR) * lda + p0, lda, kc, dst, out);
            } else {
                packPartialAPanel(a, aOffset + (i0 + q * MR) * lda + p0, lda, kc, valid, dst, out);
            }
        }
    }

    /**
     * MR rows of a row-major A: read the rows side by side, write each column's values contiguously.
     * Unrolled for {@link MicroKernel#MR} = 6.
     */
    private static void packFullAPanel(float[] a, int src, int lda, int kc, float[] dst, int out) {
        int s1 = src + lda;
        int s2 = s1 + lda;
        int s3 = s2 + lda;
        int s4 = s3 + lda;
        int s5 = s4 + lda;
        for (int p = 0; p < kc; p++, out += MR) {
            dst[out] = a[src + p];
            dst[out + 1] = a[s1 + p];
            dst[out + 2] = a[s2 + p];
            dst[out + 3] = a[s3 + p];
            dst[out + 4] = a[s4 + p];
            dst[out + 5] = a[s5 + p];
        }
    }

    private static void packPartialAPanel(float[] a, int src, int lda, int kc, int valid, float[] dst, int out) {
        for (int p = 0; p < kc; p++, out += MR) {
            for (int r = 0; r < valid; r++) {
                dst[out + r] = a[src + r * lda + p];
            }
            for (int r = valid; r < MR; r++) {
                dst[out + r] = 0f;
            }
        }
    }

    /** A stored k×m: each source row holds the MR values of one column contiguously. */
    private static void packTransposedAPanel(float[] a, int src, int lda, int kc, int valid, float[] dst, int out) {
        for (int p = 0; p < kc; p++, out += MR, src += lda) {
            for (int r = 0; r < valid; r++) {
                dst[out + r] = a[src + r];
            }
            for (int r = valid; r < MR; r++) {
                dst[out + r] = 0f;
            }
        }
    }

    /**
     * Packs B micro-panels [q0, q1) of the column block starting at column {@code j0}: panel q holds
     * rows [p0, p0+kc) and columns j0+q·NR .. +NR of op(B) (clipped at column n), stored from
     * {@code dst[q·kc·NR]} as kc rows of NR values.
     */
    static void packB(boolean transB, float[] b, int bOffset, int ldb, int n,
                      int p0, int kc, int j0, int q0, int q1, float[] dst) {
        if (transB) {
            for (int q = q0; q < q1; q++) {
                packTransposedPanel(b, bOffset, ldb, p0, kc, j0 + q * NR, Math.min(NR, n - j0 - q * NR), dst, q * kc * NR);
            }
            return;
        }
        // Blocks of rows, so the reads are short contiguous runs of a few rows and the writes are
        // one contiguous run per panel.
        for (int pb = 0; pb < kc; pb += ROW_BLOCK) {
            int pEnd = Math.min(kc, pb + ROW_BLOCK);
            for (int q = q0; q < q1; q++) {
                int j = j0 + q * NR;
                int cols = Math.min(NR, n - j);
                for (int p = pb; p < pEnd; p++) {
                    int src = bOffset + (p0 + p) * ldb + j;
                    int out = q * kc * NR + p * NR;
                    if (cols == NR) {
                        // arraycopy, not vector loads and stores: C2 always intrinsifies it, while the vector
                        // calls fall back to slow element loops whenever this method is compiled without
                        // inlining them (which happened for the small per-image products of conv2d).
                        System.arraycopy(b, src, dst, out, NR);
                    } else {
                        for (int c = 0; c < cols; c++) {
                            dst[out + c] = b[src + c];
                        }
                        for (int c = cols; c < NR; c++) {
                            dst[out + c] = 0f;
                        }
                    }
                }
            }
        }
    }

    /**
     * {@link #packB}'s layout, with the values written by a {@link MatrixSource}: one call per
     * micro-panel, then zeros in the columns past n.
     */
    static void packFromSource(MatrixSource b, int n, int p0, int kc, int j0, int q0, int q1, float[] dst) {
        for (int q = q0; q < q1; q++) {
            int j = j0 + q * NR;
            int cols = Math.min(NR, n - j);
            int out = q * kc * NR;
            b.copy(p0, kc, j, cols, dst, out, NR);
            if (cols < NR) {
                for (int p = 0; p < kc; p++) {
                    Arrays.fill(dst, out + p * NR + cols, out + (p + 1) * NR, 0f);
                }
            }
        }
    }

    /** One panel of a transposed B: column j of op(B) is row j of the source, contiguous in p. */
    private static void packTransposedPanel(float[] b, int bOffset, int ldb, int p0, int kc,
                                            int j0, int cols, float[] dst, int d) {
        for (int pb = 0; pb < kc; pb += TRANSPOSE_BLOCK) {
            int pEnd = Math.min(kc, pb + TRANSPOSE_BLOCK);
            for (int c = 0; c < cols; c++) {
                int src = bOffset + (j0 + c) * ldb + p0;
                for (int p = pb; p < pEnd; p++) {
                    dst[d + p * NR + c] = b[src + p];
                }
            }
            for (int c = cols; c < NR; c++) {
                for (int p = pb; p < pEnd; p++) {
                    dst[d + p * NR + c] = 0f;
                }
            }
        }
    }
}
