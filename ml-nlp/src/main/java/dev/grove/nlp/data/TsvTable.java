package dev.grove.nlp.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tab-separated table with a header row, read strictly: every row has as many fields as the
 * header, fields are taken as written (no quoting), a carriage return before a line break is
 * dropped, and one trailing line break is allowed. Errors name the file and the line (counted from
 * 1, the header being line 1).
 */
final class TsvTable {

    private final TextFile file;
    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();

    /** Parses {@code file}'s text. */
    TsvTable(TextFile file) {
        this.file = file;
        String text = file.text();
        if (text.isEmpty()) {
            throw file.problem("the file is empty; expected a header line of tab-separated column names");
        }
        List<String> lines = lines(text);
        this.header = List.of(lines.get(0).split("\t", -1));
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNumber = i + 1;
            if (line.isEmpty()) {
                throw file.problem("line " + lineNumber + " is empty; every line after the header must be a row of "
                        + header.size() + " tab-separated fields " + header);
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != header.size()) {
                throw file.problem("line " + lineNumber + " has " + fields.length + " tab-separated field"
                        + (fields.length == 1 ? "" : "s") + " but the header has " + header.size() + " " + header);
            }
            rows.add(fields);
        }
        if (rows.isEmpty()) {
            throw file.problem("the file has a header but no rows");
        }
    }

    /**
     * The index of column {@code name}.
     *
     * @param param the param that named it, for the message (e.g. {@code label-column})
     */
    int column(String name, String param) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw file.problem("there is no column '" + name + "' (" + param + "); the header's columns are " + header);
        }
        return index;
    }

    /** The number of rows (without the header). */
    int rowCount() {
        return rows.size();
    }

    /** The field of row {@code row} (from 0) in column {@code column}. */
    String cell(int row, int column) {
        return rows.get(row)[column];
    }

    /** The file line of row {@code row}, for messages. */
    static int line(int row) {
        return row + 2;
    }

    /** The lines of {@code text}: split at line breaks, without a final empty line after a trailing break. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        lines.replaceAll(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        return lines;
    }
}
