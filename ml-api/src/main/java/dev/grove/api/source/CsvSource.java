package dev.grove.api.source;

import dev.grove.api.data.DataSource;
import dev.grove.api.data.Dataset;
import dev.grove.api.data.LoadedData;
import dev.grove.api.data.Schema;
import dev.grove.api.run.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code csv} data source: a UTF-8 file with a header row (see {@link CsvReader} for the
 * format), or a fixed train/test pair. Feature cells must be decimal numbers; an empty feature cell
 * is an error, or NaN with {@code missing: nan}. The target column becomes class indices or values
 * as {@link CsvTarget} describes. Every error names the file, the line and the column.
 */
public final class CsvSource implements DataSource {

    private final CsvParams params;

    /** A source reading what {@code params} say. */
    public CsvSource(CsvParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public LoadedData load(RunContext context) {
        if (params.path() != null) {
            CsvTable table = CsvReader.read(context.resolvePath(params.path()), params.delimiterChar());
            List<String> features = featureNames(table);
            CsvTarget target = inferTarget(List.of(table));
            return LoadedData.single(toDataset(table, features, target));
        }
        CsvTable train = CsvReader.read(context.resolvePath(params.train()), params.delimiterChar());
        CsvTable test = CsvReader.read(context.resolvePath(params.test()), params.delimiterChar());
        List<String> features = featureNames(train);
        CsvTarget target = inferTarget(List.of(train, test));
        return new LoadedData(toDataset(train, features, target), toDataset(test, features, target));
    }

    /** The params this source reads with. */
    public CsvParams params() {
        return params;
    }

    /** The feature columns: as listed, or all but the target in file order. */
    private List<String> featureNames(CsvTable table) {
        if (params.target() != null) {
            table.column(params.target(), "target");
        }
        if (!params.features().isEmpty()) {
            return params.features();
        }
        List<String> names = new ArrayList<>(table.header());
        names.remove(params.target());
        if (names.isEmpty()) {
            throw CsvTable.error(table.file(), table.headerLine(), null, "no feature columns: the only column is the target '"
                    + params.target() + "'");
        }
        return names;
    }

    private CsvTarget inferTarget(List<CsvTable> tables) {
        if (params.target() == null) {
            return null;
        }
        int[] columns = new int[tables.size()];
        for (int t = 0; t < tables.size(); t++) {
            columns[t] = tables.get(t).column(params.target(), "target");
        }
        return CsvTarget.infer(tables, columns, params.task());
    }

    private Dataset toDataset(CsvTable table, List<String> features, CsvTarget target) {
        int n = table.rowCount();
        if (n == 0) {
            throw CsvTable.error(table.file(), table.headerLine() + 1, null, "the file has a header but no data rows");
        }
        int d = features.size();
        int[] columns = new int[d];
        for (int j = 0; j < d; j++) {
            columns[j] = table.column(features.get(j), "feature");
        }
        double[] x = new double[n * d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                x[r * d + j] = featureValue(table, r, columns[j]);
            }
        }
        if (target == null) {
            return Dataset.ofFlat(x, null, Schema.unlabelled(features));
        }
        int targetColumn = table.column(params.target(), "target");
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            y[r] = target.value(table, targetColumn, r);
        }
        return Dataset.ofFlat(x, y, target.schema(features, params.target()));
    }

    private double featureValue(CsvTable table, int row, int column) {
        String cell = table.cell(row, column);
        if (cell.isEmpty()) {
            if (params.missing().equals("nan")) {
                return Double.NaN;
            }
            throw CsvTable.error(table.file(), table.line(row), table.header().get(column),
                    "the value is empty; fill it in, or set missing: nan to load empty cells as NaN for simple-imputer");
        }
        if (!DecimalText.isNumber(cell)) {
            throw CsvTable.error(table.file(), table.line(row), table.header().get(column), "'" + cell
                    + "' is not a number; feature columns must hold decimal numbers (list the numeric columns in"
                    + " features, or make this column the target)");
        }
        return DecimalText.parse(cell);
    }
}
