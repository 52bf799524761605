package dev.grove.api.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a UTF-8 CSV file in the style of RFC 4180: fields separated by one delimiter character,
 * records by LF or CRLF; a field that starts with a double quote runs to the matching closing
 * quote and may contain delimiters, line breaks and doubled quotes ({@code ""} for one {@code "}).
 * A quote inside an unquoted field is kept as it is. Completely empty lines are skipped. The first
 * record is the header; every later record must have as many fields as the header.
 */
final class CsvReader {

    private final Path file;
    private final String text;
    private final char delimiter;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private final List<String[]> rows = new ArrayList<>();
    private int[] recordLines = new int[64];
    private List<String> header;
    private int headerLine;

    private CsvReader(Path file, String text, char delimiter) {
        this.file = file;
        this.text = text;
        this.delimiter = delimiter;
    }

    /**
     * Parses {@code file}.
     *
     * @throws IllegalArgumentException naming the file, line and column of the first problem: a
     *                                  missing or empty file, a bad header, a ragged record, an
     *                                  unclosed quote
     */
    static CsvTable read(Path file, char delimiter) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("csv " + file + ": file not found (absolute path "
                    + file.toAbsolutePath() + ")");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("csv " + file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("csv " + file + ": cannot read the file: " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new CsvReader(file, text, delimiter).parse();
    }

    private CsvTable parse() {
        int n = text.length();
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        boolean inQuotes = false;
        boolean fieldQuoted = false;
        boolean afterClosingQuote = false;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    inQuotes = false;
                    afterClosingQuote = true;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
                i++;
            } else if (c == delimiter) {
                endField();
                fieldQuoted = false;
                afterClosingQuote = false;
                i++;
            } else if (c == '\n' || c == '\r') {
                endRecord(recordLine, fieldQuoted);
                fieldQuoted = false;
                afterClosingQuote = false;
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                recordLine = line;
            } else if (afterClosingQuote) {
                throw CsvTable.error(file, line, columnName(fields.size()), "unexpected '" + c
                        + "' after the closing quote of a quoted field; expected the delimiter '" + delimiter
                        + "' or the end of the line");
            } else if (c == '"' && field.length() == 0 && !fieldQuoted) {
                inQuotes = true;
                fieldQuoted = true;
                quoteLine = line;
                i++;
            } else {
                field.append(c);
                i++;
            }
        }
        if (inQuotes) {
            throw CsvTable.error(file, quoteLine, columnName(fields.size()),
                    "the quoted field opened on this line is not closed before the end of the file");
        }
        endRecord(recordLine, fieldQuoted);
        if (header == null) {
            throw new IllegalArgumentException("csv " + file + ": the file is empty; expected a header row naming the columns");
        }
        return new CsvTable(file, headerLine, header, rows, Arrays.copyOf(recordLines, rows.size()));
    }

    private void endField() {
        fields.add(field.toString());
        field.setLength(0);
    }

    private void endRecord(int recordLine, boolean lastFieldQuoted) {
        boolean blankLine = fields.isEmpty() && field.length() == 0 && !lastFieldQuoted;
        if (blankLine) {
            return;
        }
        endField();
        String[] record = fields.toArray(new String[0]);
        fields.clear();
        if (header == null) {
            header = checkHeader(record, recordLine);
            headerLine = recordLine;
            return;
        }
        if (record.length != header.size()) {
            throw raggedRecord(record.length, recordLine);
        }
        if (rows.size() == recordLines.length) {
            recordLines = Arrays.copyOf(recordLines, 2 * recordLines.length);
        }
        recordLines[rows.size()] = recordLine;
        rows.add(record);
    }

    private List<String> checkHeader(String[] record, int recordLine) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> firstSeen = new HashMap<>();
        for (int c = 0; c < record.length; c++) {
            String name = record[c].trim();
            if (name.isEmpty()) {
                throw CsvTable.error(file, recordLine, null, "header column " + (c + 1)
                        + " has no name; every column needs a name");
            }
            Integer previous = firstSeen.putIfAbsent(name, c);
            if (previous != null) {
                throw CsvTable.error(file, recordLine, name, "the header names this column twice (columns "
                        + (previous + 1) + " and " + (c + 1) + "); column names must be unique");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private IllegalArgumentException raggedRecord(int fieldCount, int recordLine) {
        String what = "the row has " + fieldCount + " values but the header names " + header.size() + " columns";
        if (fieldCount < header.size()) {
            return CsvTable.error(file, recordLine, header.get(fieldCount), what + "; this column has no value");
        }
        return CsvTable.error(file, recordLine, null, what + " (the last is '" + header.get(header.size() - 1)
                + "'); value " + (header.size() + 1) + " has no column");
    }

    /** The header name of field {@code index}, or null while the header itself is being read. */
    private String columnName(int index) {
        return header != null && index < header.size() ? header.get(index) : null;
    }
}
