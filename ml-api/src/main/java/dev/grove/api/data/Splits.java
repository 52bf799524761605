package dev.grove.api.data;

import dev.grove.tensor.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Train/validation/test splits and k-fold partitions, optionally stratified by class and shuffled
 * with a seeded {@link Rng}. Shares are fractions in (0, 1) or whole row counts (≥ 1).
 */
public final class Splits {

    private Splits() {
    }

    /**
     * Splits {@code data} into train, validation and test rows. Without shuffling, test rows are the
     * last rows and validation rows the ones before them (within each class when stratified).
     */
    public static Split split(Dataset data, double testShare, double validationShare, boolean stratify,
                              boolean shuffle, Rng rng) {
        int n = data.rows();
        checkShare("test", testShare, n);
        checkShare("val", validationShare, n);
        List<int[]> groups = groups(data, stratify);
        List<Integer> train = new ArrayList<>();
        List<Integer> val = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        int testTotal = count(testShare, n);
        int valTotal = count(validationShare, n);
        if (testTotal + valTotal >= n) {
            throw new IllegalArgumentException("split: test (" + testTotal + " rows) and val (" + valTotal
                    + " rows) leave no training rows out of " + n);
        }
        int[] testPerGroup = apportion(groups, testTotal, n);
        int[] valPerGroup = apportion(groups, valTotal, n);
        for (int g = 0; g < groups.size(); g++) {
            int[] members = groups.get(g).clone();
            if (shuffle) {
                rng.shuffle(members);
            }
            int testStart = members.length - testPerGroup[g];
            int valStart = testStart - valPerGroup[g];
            for (int i = 0; i < members.length; i++) {
                (i >= testStart ? test : i >= valStart ? val : train).add(members[i]);
            }
        }
        return new Split(sorted(train), sorted(val), sorted(test));
    }

    /** k folds; fold i's split has the i-th part as test and the rest as train. */
    public static List<Split> kFold(Dataset data, int folds, boolean stratify, boolean shuffle, Rng rng) {
        int n = data.rows();
        if (folds < 2 || folds > n) {
            throw new IllegalArgumentException("k-fold: folds must be between 2 and the number of rows (" + n
                    + "), got " + folds);
        }
        List<List<Integer>> parts = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            parts.add(new ArrayList<>());
        }
        // Dealing each group's rows round-robin, continuing where the previous group stopped, keeps
        // class proportions per fold and fold sizes within one row of each other.
        int next = 0;
        for (int[] group : groups(data, stratify)) {
            int[] members = group.clone();
            if (shuffle) {
                rng.shuffle(members);
            }
            for (int m : members) {
                parts.get(next).add(m);
                next = (next + 1) % folds;
            }
        }
        List<Split> splits = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<Integer> train = new ArrayList<>();
            for (int g = 0; g < folds; g++) {
                if (g != f) {
                    train.addAll(parts.get(g));
                }
            }
            splits.add(Split.of(sorted(train), sorted(parts.get(f))));
        }
        return splits;
    }

    private static void checkShare(String name, double share, int n) {
        boolean fraction = share >= 0 && share < 1;
        boolean count = share >= 1 && share == Math.rint(share) && share < n;
        if (!fraction && !count) {
            throw new IllegalArgumentException("split: " + name + " must be a fraction in [0, 1) or a whole number of rows "
                    + "below " + n + ", got " + share);
        }
    }

    private static int count(double share, int n) {
        return share < 1 ? (int) Math.round(share * n) : (int) share;
    }

    /** Rows grouped by class (stratified) or one group of all rows, each in row order. */
    private static List<int[]> groups(Dataset data, boolean stratify) {
        int n = data.rows();
        if (!stratify) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return List.of(all);
        }
        if (!data.hasTargets() || !data.schema().isClassification()) {
            throw new IllegalArgumentException("split: stratify needs class targets; this data has "
                    + (data.hasTargets() ? "a numeric target '" + data.schema().targetName() + "'" : "no target"));
        }
        int classes = data.schema().classLabels().size();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            byClass.get(data.label(i)).add(i);
        }
        List<int[]> groups = new ArrayList<>();
        for (List<Integer> members : byClass) {
            if (!members.isEmpty()) {
                groups.add(members.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return groups;
    }

    /** Splits {@code total} rows over groups in proportion to their sizes (largest remainders). */
    private static int[] apportion(List<int[]> groups, int total, int n) {
        int[] out = new int[groups.size()];
        double[] remainders = new double[groups.size()];
        int assigned = 0;
        for (int g = 0; g < groups.size(); g++) {
            double exact = (double) total * groups.get(g).length / n;
            out[g] = (int) Math.floor(exact);
            remainders[g] = exact - out[g];
            assigned += out[g];
        }
        while (assigned < total) {
            int best = 0;
            for (int g = 1; g < groups.size(); g++) {
                if (remainders[g] > remainders[best]) {
                    best = g;
                }
            }
            out[best]++;
            remainders[best] = -1;
            assigned++;
        }
        return out;
    }

    private static int[] sorted(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
