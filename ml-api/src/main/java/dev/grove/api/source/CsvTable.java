package dev.grove.api.source;

import dev.grove.api.internal.NearestName;
import java.nio.file.Path;
import java.util.List;

/**
 * A parsed CSV file: the header's column names and the data records, each with the 1-based line
 * of the file it starts on.
 *
 * @param file       the file, for messages
 * @param headerLine the line of the header (1 unless blank lines precede it)
 * @param header     column names, trimmed
 * @param rows       the data records, each with one field per column
 * @param lines      the line number of each record
 */
record CsvTable(Path file, int headerLine, List<String> header, List<String[]> rows, int[] lines) {

    /** Number of data records. */
    int rowCount() {
        return rows.size();
    }

    /** The cell of data record {@code row} in column {@code column}, trimmed. */
    String cell(int row, int column) {
        return rows.get(row)[column].trim();
    }

    /** The file line data record {@code row} starts on. */
    int line(int row) {
        return lines[row];
    }

    /**
     * The index of column {@code name}; {@code role} ("target", "feature") names it in the error
     * raised when there is no such column, which suggests the nearest name.
     */
    int column(String name, String role) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw error(file, headerLine, name, role + " column '" + name + "' is not in the header"
                    + NearestName.hint(name, header) + " (columns: " + String.join(", ", header) + ")");
        }
        return index;
    }

    /** An error about {@code file}, at {@code line} and, if not null, in {@code column}. */
    static IllegalArgumentException error(Path file, int line, String column, String what) {
        return new IllegalArgumentException("csv " + file + ", line " + line
                + (column == null ? "" : ", column '" + column + "'") + ": " + what);
    }
}
