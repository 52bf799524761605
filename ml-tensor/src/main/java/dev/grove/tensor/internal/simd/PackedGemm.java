package dev.grove.tensor.internal.simd;

import static dev.grove.tensor.internal.simd.MicroKernel.MR;
import static dev.grove.tensor.internal.simd.MicroKernel.NR;

import dev.grove.tensor.ThreadBudget;
import dev.grove.tensor.internal.BufferPool;
import dev.grove.tensor.kernel.MatrixSource;

/**
 * Cache-blocked GEMM in the GotoBLAS/BLIS style: op(B) is packed into kc×NR micro-panels, op(A)
 * into MR×kc micro-panels, and {@link MicroKernel} computes MR×NR tiles of C from them.
 *
 * <p>Loop nest, outermost first: column blocks of C (at most {@link #NC_MAX} wide); k super-blocks
 * (which bound the packed-B memory); a parallel phase that packs B; then parallel tasks over fixed
 * blocks of C, each of which walks k in steps of {@link #KC}, packs its rows of A once per step and
 * sweeps its B micro-panels. Every element of C is accumulated over the same KC-sized k steps in
 * ascending order however the tasks are scheduled, and the task grid depends only on the matrix
 * shape, so C is bitwise identical for any thread budget.
 *
 * <p>A product much deeper than C is large ({@link #splitK}) is instead cut along k into a fixed
 * number of slices, each multiplied by one task into its own copy of C; the copies are added in
 * slice order, so this too gives the same bits for any thread budget.
 */
final class PackedGemm {

    /**
     * Depth of one k step. One B micro-panel is KC×NR floats = 16 KiB with AVX2, which stays in the
     * 32 KiB L1d while the A micro-panels of a block stream past it.
     */
    static final int KC = 256;

    /**
     * Upper bound on the rows of C per task (a multiple of MR). The packed A block is MC×KC floats =
     * 144 KiB, a good fraction of the 512 KiB L2 but leaving room for the B panels being swept.
     */
    static final int MC_MAX = 24 * MR;

    /**
     * Columns of C packed together when k is at least {@link #KC}; the packed-B slab lives in L3.
     * A shallower product packs proportionally more columns at once (the same slab size), so a
     * product like a first convolution layer's (k = 27, n = 57,600) is not cut into many blocks, each
     * paying for two rounds of parallel tasks.
     */
    static final int NC_MAX = 4096;

    /** Cap on the packed-B buffer (4 MiB), which bounds the k super-block for wide matrices. */
    static final int B_PACK_MAX_FLOATS = 1 << 20;

    /**
     * Tasks per column block the splitter aims for. It is a constant, not the thread count, so the
     * partition never depends on the budget; 8 blocks keep 2–8 workers busy with little tail.
     */
    static final int TARGET_TASKS = 8;

    /** Smallest useful task; smaller problems get fewer, larger blocks (down to one, run inline). */
    static final long MIN_TASK_FLOPS = 1L << 21;

    /**
     * Fewest rows of C per task when a matrix is split into more row blocks than {@link #MC_MAX}
     * requires: below this a B micro-panel is reused by too few tiles.
     */
    static final int MC_MIN = 4 * MR;

    /**
     * Most floats of packed B written by one task of the packing phase; the slab is also split into
     * up to {@link #TARGET_TASKS} tasks so both threads pack (packing never changes the result).
     */
    static final int PACK_TASK_FLOATS = 1 << 17;

    /** Fewest k for {@link #splitK}: shallower products have too little to split. */
    static final int SPLIT_K_MIN_DEPTH = 8 * KC;

    /** How many times deeper than C is tall or wide a product must be for {@link #splitK}. */
    static final int SPLIT_K_DEPTH_RATIO = 4;

    private static final BufferPool B_BUFFERS = new BufferPool(2);
    private static final BufferPool A_BUFFERS = new BufferPool(16);

    private PackedGemm() {
    }

    /**
     * Writes B micro-panels [q0, q1) of the column block starting at column j0, rows [k0, k0+kLen)
     * of op(B), into {@code dst} at {@code q·kLen·NR} (the layout of {@link GemmPacking#packB}).
     */
    @FunctionalInterface
    private interface BPacker {
        void pack(int k0, int kLen, int j0, int q0, int q1, float[] dst);
    }

    /** Same contract as {@link dev.grove.tensor.kernel.Kernels#gemm}, for m, n, k ≥ 1. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOffset, int lda,
                     float[] b, int bOffset, int ldb,
                     float[] c, int cOffset, int ldc,
                     boolean accumulate) {
        gemm(transA, m, n, k, a, aOffset, lda,
                (k0, kLen, j0, q0, q1, dst) -> GemmPacking.packB(transB, b, bOffset, ldb, n, k0, kLen, j0, q0, q1, dst),
                c, cOffset, ldc, accumulate);
    }

    /** The same product with B written by a {@link MatrixSource}, for m, n, k ≥ 1. */
    static void gemm(boolean transA, int m, int n, int k,
                     float[] a, int aOffset, int lda,
                     MatrixSource b,
                     float[] c, int cOffset, int ldc,
                     boolean accumulate) {
        gemm(transA, m, n, k, a, aOffset, lda,
                (k0, kLen, j0, q0, q1, dst) -> GemmPacking.packFromSource(b, n, k0, kLen, j0, q0, q1, dst),
                c, cOffset, ldc, accumulate);
    }

    private static void gemm(boolean transA, int m, int n, int k,
                             float[] a, int aOffset, int lda,
                             BPacker packB,
                             float[] c, int cOffset, int ldc,
                             boolean accumulate) {
        if (k >= SPLIT_K_MIN_DEPTH && k >= SPLIT_K_DEPTH_RATIO * Math.max(m, n)) {
            splitK(transA, m, n, k, a, aOffset, lda, packB, c, cOffset, ldc, accumulate);
        } else {
            blocked(transA, m, n, k, a, aOffset, lda, packB, c, cOffset, ldc, accumulate, false);
        }
    }

    /**
     * The blocked product. With {@code oneTask} (a slice of {@link #splitK}, already one task of a
     * parallel loop) rows are not split below {@link #MC_MAX} nor columns into chunks: each further
     * block would pack the same rows of A again, for no parallelism. The blocking never changes a
     * result: every element of C is summed over the same {@link #KC} steps in the same order.
     */
    private static void blocked(boolean transA, int m, int n, int k,
                                float[] a, int aOffset, int lda,
                                BPacker packB,
                                float[] c, int cOffset, int ldc,
                                boolean accumulate, boolean oneTask) {
        int mc = oneTask ? Math.min(roundUp(m, MR), MC_MAX) : rowsPerBlock(m, n, k);
        int rowBlocks = ceilDiv(m, mc);
        int ncMax = Math.min(roundUp(n, NR), Math.max(NC_MAX, B_PACK_MAX_FLOATS / Math.min(k, KC) / NR * NR));
        int kSuper = Math.max(KC, B_PACK_MAX_FLOATS / ncMax / KC * KC);
        float[] bPack = B_BUFFERS.take(Math.min(kSuper, k) * ncMax);
        try {
            for (int jc = 0; jc < n; jc += ncMax) {
                int j0 = jc;
                int nb = Math.min(ncMax, n - jc);
                int panels = ceilDiv(nb, NR);
                int panelsPerChunk = oneTask ? panels : ceilDiv(panels, columnChunks(rowBlocks, panels, 2L * mc * nb * k));
                int chunks = ceilDiv(panels, panelsPerChunk);
                for (int ks = 0; ks < k; ks += kSuper) {
                    int k0 = ks;
                    int kLen = Math.min(kSuper, k - ks);
                    int panelsPerPackTask = Math.max(1, Math.min(PACK_TASK_FLOATS / (kLen * NR), ceilDiv(panels, TARGET_TASKS)));
                    ThreadBudget.parallelFor(ceilDiv(panels, panelsPerPackTask), t -> {
                        int q0 = t * panelsPerPackTask;
                        packB.pack(k0, kLen, j0, q0, Math.min(panels, q0 + panelsPerPackTask), bPack);
                    });
                    ThreadBudget.parallelFor(rowBlocks * chunks, t -> {
                        int i0 = (t / chunks) * mc;
                        int q0 = (t % chunks) * panelsPerChunk;
                        computeBlock(transA, a, aOffset, lda, i0, Math.min(mc, m - i0),
                                bPack, q0, Math.min(panels, q0 + panelsPerChunk), j0, n, k0, kLen,
                                c, cOffset, ldc, accumulate);
                    });
                }
            }
        } finally {
            B_BUFFERS.give(bPack);
        }
    }

    /**
     * A deep product with a small C (a convolution's weight gradient: 64×288 summed over 10,816
     * output pixels) split along k: each of up to {@link #TARGET_TASKS} tasks multiplies a fixed
     * slice of k (a multiple of {@link #KC}) into its own copy of C, packing its slices of A and B
     * once, and the copies are added in slice order. Split by rows or columns instead, such a product
     * has too few tasks, and each task packs the same long rows of A again.
     */
    private static void splitK(boolean transA, int m, int n, int k,
                               float[] a, int aOffset, int lda,
                               BPacker packB,
                               float[] c, int cOffset, int ldc,
                               boolean accumulate) {
        int slice = roundUp(ceilDiv(k, TARGET_TASKS), KC);
        int slices = ceilDiv(k, slice);
        int size = m * n;
        float[] partial = new float[slices * size];
        // Nested inside a task, the slice's own parallel loops run inline: each slice is single-threaded.
        ThreadBudget.parallelFor(slices, t -> {
            int k0 = t * slice;
            int aSlice = aOffset + (transA ? k0 * lda : k0);
            BPacker bSlice = (p0, kLen, j0, q0, q1, dst) -> packB.pack(k0 + p0, kLen, j0, q0, q1, dst);
            blocked(transA, m, n, Math.min(slice, k - k0), a, aSlice, lda, bSlice, partial, t * size, n, false, true);
        });
        for (int i = 0; i < m; i++) {
            int row = cOffset + i * ldc;
            for (int j = 0; j < n; j++) {
                float sum = accumulate ? c[row + j] + partial[i * n + j] : partial[i * n + j];
                for (int t = 1; t < slices; t++) {
                    sum += partial[t * size + i * n + j];
                }
                c[row + j] = sum;
            }
        }
    }

    /**
     * One task: rows [i0, i0+rows) of C times B micro-panels [q0, q1) of the packed slab, over the
     * k super-block [k0, k0+kLen).
     */
    private static void computeBlock(boolean transA, float[] a, int aOffset, int lda, int i0, int rows,
                                     float[] bPack, int q0, int q1, int j0, int n, int k0, int kLen,
                                     float[] c, int cOffset, int ldc, boolean accumulate) {
        float[] aPack = A_BUFFERS.take(roundUp(rows, MR) * Math.min(KC, kLen));
        float[] edgeTile = null;
        for (int pc = 0; pc < kLen; pc += KC) {
            int kc = Math.min(KC, kLen - pc);
            GemmPacking.packA(transA, a, aOffset, lda, i0, rows, k0 + pc, kc, aPack);
            boolean addToC = accumulate || k0 + pc > 0;
            for (int q = q0; q < q1; q++) {
                int j = j0 + q * NR;
                int cols = Math.min(NR, n - j);
                int bIndex = q * kLen * NR + pc * NR;
                for (int r = 0; r < rows; r += MR) {
                    int aIndex = r * kc;
                    int cIndex = cOffset + (i0 + r) * ldc + j;
                    int tileRows = Math.min(MR, rows - r);
                    if (tileRows == MR && cols == NR) {
                        MicroKernel.tile(kc, aPack, aIndex, bPack, bIndex, c, cIndex, ldc, addToC);
                    } else {
                        if (edgeTile == null) {
                            edgeTile = new float[MR * NR];
                        }
                        MicroKernel.tile(kc, aPack, aIndex, bPack, bIndex, edgeTile, 0, NR, false);
                        writeEdge(edgeTile, tileRows, cols, c, cIndex, ldc, addToC);
                    }
                }
            }
        }
        A_BUFFERS.give(aPack);
    }

    private static void writeEdge(float[] tile, int rows, int cols, float[] c, int cIndex, int ldc, boolean addToC) {
        for (int r = 0; r < rows; r++) {
            int row = cIndex + r * ldc;
            for (int j = 0; j < cols; j++) {
                float v = tile[r * NR + j];
                c[row + j] = addToC ? c[row + j] + v : v;
            }
        }
    }

    /**
     * Rows of C per task, a multiple of MR: blocks of at most {@link #MC_MAX} rows, and when that
     * gives fewer than {@link #TARGET_TASKS} blocks, smaller blocks (down to {@link #MC_MIN} rows and
     * {@link #MIN_TASK_FLOPS}) so the work splits by rows, which needs no extra packing of A.
     */
    private static int rowsPerBlock(int m, int n, int k) {
        int blocks = ceilDiv(m, MC_MAX);
        if (blocks < TARGET_TASKS) {
            long rowsForMinFlops = MIN_TASK_FLOPS / (2L * n * k) + 1;
            int minRows = (int) Math.max(MC_MIN, Math.min(m, rowsForMinFlops));
            blocks = Math.max(blocks, Math.min(TARGET_TASKS, m / minRows));
        }
        return roundUp(ceilDiv(m, blocks), MR);
    }

    /**
     * How many column chunks each row block of C is split into: enough for about
     * {@link #TARGET_TASKS} tasks, but no chunk narrower than one micro-panel and no task below
     * {@link #MIN_TASK_FLOPS}.
     */
    private static int columnChunks(int rowBlocks, int panels, long flopsPerRowBlock) {
        int wanted = ceilDiv(TARGET_TASKS, rowBlocks);
        long affordable = Math.max(1, flopsPerRowBlock / MIN_TASK_FLOPS);
        return (int) Math.max(1, Math.min(Math.min(wanted, panels), affordable));
    }

    static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    static int roundUp(int x, int multiple) {
        return ceilDiv(x, multiple) * multiple;
    }
}
