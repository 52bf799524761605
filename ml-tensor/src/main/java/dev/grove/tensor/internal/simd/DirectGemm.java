package dev.grove.tensor.internal.simd;

import dev.grove.tensor.ThreadBudget;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM without packing, for the shapes {@link VectorKernels} does not send to {@link PackedGemm}:
 * one or two rows (matrix-vector products, which are memory-bound) and outputs narrower than a
 * vector. Two strategies, both vectorised along a unit-stride axis:
 * <ul>
 *   <li>row update, when op(B) rows are contiguous and wide: {@code C[i,:] += A(i,p) · B[p,:]};</li>
 *   <li>dot products otherwise: {@code C[i,j] = A(i,:) · B(:,j)}, with strided operands copied to
 *       contiguous rows first.</li>
 * </ul>
 * Large products are split into tasks over rows and column chunks whose size depends only on the
 * shape, and each element is computed the same way in any task, so results never depend on the
 * thread count.
 */
final class DirectGemm {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    /** Fewest multiply-adds worth a parallel task; smaller products run inline. */
    static final long MIN_TASK_MULTIPLY_ADDS = 1L << 20;

    private DirectGemm() {
    }

    /** Same contract as {@link dev.grove.tensor.kernel.Kernels#gemm}, for m, n, k ≥ 1. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOffset, int lda,
                     float[] b, int bOffset, int ldb,
                     float[] c, int cOffset, int ldc,
                     boolean accumulate) {
        int rowsPerTask = (int) Math.min(m, Math.max(1, MIN_TASK_MULTIPLY_ADDS / ((long) n * k)));
        int columnsPerTask = n;
        if (rowsPerTask == m) {
            long columnsForMinWork = Math.max(1, MIN_TASK_MULTIPLY_ADDS / ((long) m * k));
            columnsPerTask = (int) Math.min(n, PackedGemm.roundUp((int) Math.min(n, columnsForMinWork), LANES));
        }
        int columnChunks = PackedGemm.ceilDiv(n, columnsPerTask);
        int tasks = PackedGemm.ceilDiv(m, rowsPerTask) * columnChunks;
        int chunk = columnsPerTask;
        if (!transB && n >= LANES) {
            ThreadBudget.parallelFor(tasks, t -> {
                int i0 = (t / columnChunks) * rowsPerTask;
                int j0 = (t % columnChunks) * chunk;
                int j1 = Math.min(n, j0 + chunk);
                for (int i = i0; i < Math.min(m, i0 + rowsPerTask); i++) {
                    rowUpdate(transA, i, j0, j1, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset + i * ldc, accumulate);
                }
            });
            return;
        }
        float[] bColumns = transB ? b : columnsOf(b, bOffset, ldb, n, k);
        int bColumnsOffset = transB ? bOffset : 0;
        int bColumnStride = transB ? ldb : k;
        ThreadBudget.parallelFor(tasks, t -> {
            int i0 = (t / columnChunks) * rowsPerTask;
            int j0 = (t % columnChunks) * chunk;
            int j1 = Math.min(n, j0 + chunk);
            float[] aRow = transA ? new float[k] : a;
            for (int i = i0; i < Math.min(m, i0 + rowsPerTask); i++) {
                int rowOffset = aOffset + i * lda;
                if (transA) {
                    for (int p = 0; p < k; p++) {
                        aRow[p] = a[aOffset + p * lda + i];
                    }
                    rowOffset = 0;
                }
                int cRow = cOffset + i * ldc;
                for (int j = j0; j < j1; j++) {
                    float d = dot(aRow, rowOffset, bColumns, bColumnsOffset + j * bColumnStride, k);
                    c[cRow + j] = accumulate ? c[cRow + j] + d : d;
                }
            }
        });
    }

    /** {@code C[i, j0..j1) (+)= Σ_p A(i,p) · B[p, j0..j1)}, one FMA per element and p, p ascending. */
    private static void rowUpdate(boolean transA, int i, int j0, int j1, int k,
                                  float[] a, int aOffset, int lda,
                                  float[] b, int bOffset, int ldb,
                                  float[] c, int cRow, boolean accumulate) {
        if (!accumulate) {
            Arrays.fill(c, cRow + j0, cRow + j1, 0f);
        }
        int vectorEnd = j0 + SPECIES.loopBound(j1 - j0);
        for (int p = 0; p < k; p++) {
            float aip = transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
            FloatVector av = FloatVector.broadcast(SPECIES, aip);
            int bRow = bOffset + p * ldb;
            int j = j0;
            for (; j < vectorEnd; j += LANES) {
                FloatVector.fromArray(SPECIES, b, bRow + j)
                        .fma(av, FloatVector.fromArray(SPECIES, c, cRow + j))
                        .intoArray(c, cRow + j);
            }
            for (; j < j1; j++) {
                c[cRow + j] = Math.fma(aip, b[bRow + j], c[cRow + j]);
            }
        }
    }

    /** The n columns of a row-major k×n B, each copied to k contiguous floats. */
    private static float[] columnsOf(float[] b, int bOffset, int ldb, int n, int k) {
        float[] columns = new float[n * k];
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                columns[j * k + p] = b[bOffset + p * ldb + j];
            }
        }
        return columns;
    }

    private static float dot(float[] x, int xOffset, float[] y, int yOffset, int k) {
        int vectorEnd = SPECIES.loopBound(k);
        FloatVector acc = FloatVector.zero(SPECIES);
        int p = 0;
        for (; p < vectorEnd; p += LANES) {
            acc = FloatVector.fromArray(SPECIES, x, xOffset + p).fma(FloatVector.fromArray(SPECIES, y, yOffset + p), acc);
        }
        // Lanes are added in lane order: reduceLanes(ADD) leaves the order unspecified, and it may
        // differ between interpreted and compiled code.
        float sum = 0f;
        for (int lane = 0; lane < LANES; lane++) {
            sum += acc.lane(lane);
        }
        for (; p < k; p++) {
            sum = Math.fma(x[xOffset + p], y[yOffset + p], sum);
        }
        return sum;
    }
}
