package dev.grove.api.source;

import dev.grove.api.data.Schema;
import dev.grove.api.internal.NumberText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How the target column of one or more CSV files (a train/test pair is read together, so class
 * indices agree) becomes numbers: the task, and for classification the class labels.
 *
 * <p>Task {@code auto} chooses classification when any target value is not a number, or when all
 * are integers with at most {@value #MAX_AUTO_CLASSES} distinct values; otherwise regression.
 * Class labels are the distinct values sorted numerically when all are numbers (written as
 * {@code 3}, not {@code 3.0}), else sorted lexicographically; a row's target is its label's index.
 */
final class CsvTarget {

    /** The most distinct integer targets that {@code auto} still reads as classes. */
    static final int MAX_AUTO_CLASSES = 20;

    private final boolean classification;
    private final List<String> labels;
    /** For numeric class labels: the sorted distinct values; null otherwise. */
    private final double[] numericLabels;
    /** For text class labels: label → index; null otherwise. */
    private final Map<String, Integer> textLabels;

    private CsvTarget(boolean classification, List<String> labels, double[] numericLabels, Map<String, Integer> textLabels) {
        this.classification = classification;
        this.labels = labels;
        this.numericLabels = numericLabels;
        this.textLabels = textLabels;
    }

    /**
     * Reads the target cells of {@code tables} (column {@code columns[t]} of table t) and decides
     * the task ("auto", "classification" or "regression") and labels.
     *
     * @throws IllegalArgumentException naming file, line and column of an empty target, or of a
     *                                  non-numeric target when the task is regression
     */
    static CsvTarget infer(List<CsvTable> tables, int[] columns, String task) {
        boolean allNumeric = true;
        boolean allIntegers = true;
        int total = 0;
        for (int t = 0; t < tables.size(); t++) {
            CsvTable table = tables.get(t);
            for (int r = 0; r < table.rowCount(); r++) {
                String cell = table.cell(r, columns[t]);
                if (cell.isEmpty()) {
                    throw CsvTable.error(table.file(), table.line(r), table.header().get(columns[t]),
                            "the target is empty; every row needs a target value");
                }
                boolean numeric = DecimalText.isNumber(cell);
                if (!numeric && task.equals("regression")) {
                    throw CsvTable.error(table.file(), table.line(r), table.header().get(columns[t]),
                            "'" + cell + "' is not a number, but task regression needs numeric targets");
                }
                allNumeric &= numeric;
                allIntegers &= numeric && DecimalText.parse(cell) == Math.rint(DecimalText.parse(cell));
                total++;
            }
        }
        if (!allNumeric) {
            return textClasses(tables, columns);
        }
        double[] distinct = distinctValues(tables, columns, total);
        boolean classification = switch (task) {
            case "classification" -> true;
            case "regression" -> false;
            default -> allIntegers && distinct.length <= MAX_AUTO_CLASSES;
        };
        if (!classification) {
            return new CsvTarget(false, List.of(), null, null);
        }
        List<String> labels = new ArrayList<>();
        for (double v : distinct) {
            labels.add(NumberText.format(v));
        }
        return new CsvTarget(true, List.copyOf(labels), distinct, null);
    }

    /** The target of data record {@code row} of {@code table}: a class index or a value. */
    double value(CsvTable table, int column, int row) {
        String cell = table.cell(row, column);
        if (!classification) {
            return DecimalText.parse(cell);
        }
        if (numericLabels != null) {
            return Arrays.binarySearch(numericLabels, DecimalText.parse(cell));
        }
        return textLabels.get(cell);
    }

    /** The schema of data with these features and this target. */
    Schema schema(List<String> features, String targetName) {
        return new Schema(features, targetName, labels);
    }

    private static CsvTarget textClasses(List<CsvTable> tables, int[] columns) {
        TreeSet<String> sorted = new TreeSet<>();
        for (int t = 0; t < tables.size(); t++) {
            for (int r = 0; r < tables.get(t).rowCount(); r++) {
                sorted.add(tables.get(t).cell(r, columns[t]));
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (String label : sorted) {
            index.put(label, index.size());
        }
        return new CsvTarget(true, List.copyOf(sorted), null, index);
    }

    private static double[] distinctValues(List<CsvTable> tables, int[] columns, int total) {
        double[] values = new double[total];
        int k = 0;
        for (int t = 0; t < tables.size(); t++) {
            for (int r = 0; r < tables.get(t).rowCount(); r++) {
                values[k++] = DecimalText.parse(tables.get(t).cell(r, columns[t]));
            }
        }
        Arrays.sort(values);
        int distinct = 0;
        for (int i = 0; i < values.length; i++) {
            if (i == 0 || values[i] != values[distinct - 1]) {
                values[distinct++] = values[i];
            }
        }
        return Arrays.copyOf(values, distinct);
    }
}
