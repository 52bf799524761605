package dev.grove.classical.cluster;

import dev.grove.tensor.Rng;
import java.util.Arrays;

/**
 * Greedy k-means++ seeding, as scikit-learn's {@code _kmeans_plusplus}: the first centre is a uniformly
 * random row; each next one is the best of 2 + ⌊ln k⌋ candidate rows drawn with probability
 * proportional to their squared distance to the nearest centre so far, "best" meaning the candidate
 * that leaves the smallest sum of those squared distances.
 */
final class KMeansPlusPlus {

    private final CentredData data;
    private final boolean parallel;
    private final int trials;
    /**
     * trials + 1 slices of rows: one holds each row's squared distance to its nearest centre so far
     * ({@link #closest}); the others, for each candidate, the distance to the nearer of it and that
     * centre. The winner's slice becomes the next {@code closest}, so nothing is copied.
     */
    private final double[] slices;
    /** Offset of the slice of nearest-centre distances. */
    private int closest;
    /** Offset of each candidate's slice. */
    private final int[] candidateSlices;
    /** Prefix sums of the nearest-centre distances, for drawing candidates. */
    private final double[] prefix;
    private final double[] candidates;
    private final double[] candidateNorms;
    private final double[] taskPotentials;
    /** Per task: where each candidate's distances for the current block go. */
    private final int[][] taskOffsets;

    private KMeansPlusPlus(CentredData data, int k, boolean parallel) {
        this.data = data;
        this.parallel = parallel;
        this.trials = 2 + (int) Math.log(k);
        this.slices = new double[(trials + 1) * data.rows];
        this.closest = 0;
        this.candidateSlices = new int[trials];
        this.prefix = new double[data.rows];
        this.candidates = new double[trials * data.features];
        this.candidateNorms = new double[trials];
        this.taskPotentials = new double[data.blocks.tasks * trials];
        this.taskOffsets = new int[data.blocks.tasks][trials];
    }

    /**
     * k centres (k × features, centred coordinates) chosen from the rows of {@code data}.
     *
     * @param rng the run's stream; the draws are a uniform row index, then {@code trials} uniforms per centre
     */
    static double[] seed(CentredData data, int k, Rng rng, boolean parallel) {
        return new KMeansPlusPlus(data, k, parallel).seed(k, rng);
    }

    private double[] seed(int k, Rng rng) {
        int n = data.rows;
        int d = data.features;
        double[] centres = new double[k * d];
        int first = rng.nextInt(n);
        System.arraycopy(data.x, first * d, centres, 0, d);
        RowBlocks.run(data.blocks.tasks, parallel, task -> firstDistances(task, centres, data.norms[first]));
        int[] ids = new int[trials];
        double[] potentials = new double[trials];
        for (int c = 1; c < k; c++) {
            // Prefix sums in row order; a draw u·total picks the first row whose prefix sum reaches it.
            double total = prefixTotal();
            for (int t = 0; t < trials; t++) {
                ids[t] = searchPrefix(rng.nextDouble() * total);
                System.arraycopy(data.x, ids[t] * d, candidates, t * d, d);
                candidateNorms[t] = data.norms[ids[t]];
            }
            for (int t = 0, slice = 0; t < trials; t++, slice++) {
                if (slice * n == closest) {
                    slice++;
                }
                candidateSlices[t] = slice * n;
            }
            RowBlocks.run(data.blocks.tasks, parallel, this::candidateDistances);
            Arrays.fill(potentials, 0);
            for (int task = 0; task < data.blocks.tasks; task++) {
                for (int t = 0; t < trials; t++) {
                    potentials[t] += taskPotentials[task * trials + t];
                }
            }
            int best = 0;
            for (int t = 1; t < trials; t++) {
                if (potentials[t] < potentials[best]) {
                    best = t;
                }
            }
            closest = candidateSlices[best];
            System.arraycopy(data.x, ids[best] * d, centres, c * d, d);
        }
        return centres;
    }

    /** Squared distances to the first centre, the first row of {@code centres}, whose squared norm is {@code norm}. */
    private void firstDistances(int task, double[] centres, double norm) {
        RowBlocks blocks = data.blocks;
        for (int block = blocks.firstBlock(task); block < blocks.endBlock(task); block++) {
            int start = blocks.start(block);
            data.dots(block, centres, 0, 1, slices, closest + start, 0);
            for (int i = start; i < blocks.end(block); i++) {
                slices[closest + i] = Math.max(0, data.norms[i] - 2 * slices[closest + i] + norm);
            }
        }
    }

    private void candidateDistances(int task) {
        RowBlocks blocks = data.blocks;
        int n = data.rows;
        int potentials = task * trials;
        Arrays.fill(taskPotentials, potentials, potentials + trials, 0);
        for (int block = blocks.firstBlock(task); block < blocks.endBlock(task); block++) {
            int start = blocks.start(block);
            int end = blocks.end(block);
            int[] offsets = taskOffsets[task];
            for (int t = 0; t < trials; t++) {
                offsets[t] = candidateSlices[t] + start;
            }
            data.dots(block, candidates, trials, slices, offsets);
            for (int t = 0; t < trials; t++) {
                double norm = candidateNorms[t];
                int base = candidateSlices[t];
                for (int i = start; i < end; i++) {
                    double distance = Math.max(0, data.norms[i] - 2 * slices[base + i] + norm);
                    slices[base + i] = Math.min(slices[closest + i], distance);
                }
                taskPotentials[potentials + t] += RowPanels.sum(slices, base + start, end - start);
            }
        }
    }

    /** Fills {@link #prefix} with prefix sums of the nearest-centre distances; returns the total. */
    private double prefixTotal() {
        double sum = 0;
        for (int i = 0; i < data.rows; i++) {
            sum += slices[closest + i];
            prefix[i] = sum;
        }
        return sum;
    }

    /** The first row whose prefix sum is at least {@code value} (the last row if none is). */
    private int searchPrefix(double value) {
        int lo = 0;
        int hi = data.rows - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (prefix[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
