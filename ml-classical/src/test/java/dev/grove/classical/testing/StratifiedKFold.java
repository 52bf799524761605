package dev.grove.classical.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A test-local stratified k-fold: each class's rows, shuffled with a seeded {@link Random}, are dealt
 * round-robin over the folds, so every fold keeps the class proportions. Independent of ml-api's
 * splits so the quality tests do not depend on them.
 */
public final class StratifiedKFold {

    private StratifiedKFold() {
    }

    /** One {@code {train, test}} pair of row-index arrays per fold. */
    public static List<int[][]> folds(int[] labels, int k, long seed) {
        Random random = new Random(seed);
        int classes = 0;
        for (int label : labels) {
            classes = Math.max(classes, label + 1);
        }
        List<List<Integer>> parts = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            parts.add(new ArrayList<>());
        }
        int next = 0;
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            for (int member : members) {
                parts.get(next).add(member);
                next = (next + 1) % k;
            }
        }
        List<int[][]> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<Integer> train = new ArrayList<>();
            for (int g = 0; g < k; g++) {
                if (g != f) {
                    train.addAll(parts.get(g));
                }
            }
            folds.add(new int[][] {toArray(train), toArray(parts.get(f))});
        }
        return folds;
    }

    /** The folds given as one digit per row naming the row's test fold (how the scikit-learn folds are pasted). */
    public static List<int[][]> fromFoldDigits(String digits, int k) {
        List<int[][]> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < digits.length(); i++) {
                (digits.charAt(i) - '0' == f ? test : train).add(i);
            }
            folds.add(new int[][] {toArray(train), toArray(test)});
        }
        return folds;
    }

    private static int[] toArray(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
