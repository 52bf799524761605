package dev.grove.loader.modelio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON parser (RFC 8259) for the safetensors header, and for the JSON files a run
 * writes when a report reads them back ({@link #read}): no comments, no trailing commas,
 * no single quotes, no leading zeros, no NaN, no unpaired surrogates, no duplicate keys, nothing after
 * the value but whitespace, and bounded nesting. Objects become insertion-ordered maps, arrays lists,
 * integers without fraction or exponent {@link Long}, other numbers {@link Double}.
 */
public final class StrictJson {

    /** Deepest nesting accepted; a safetensors header needs 3. */
    static final int MAX_DEPTH = 32;
    /** Longest number literal accepted; keeps hostile digit strings from costing anything. */
    private static final int MAX_NUMBER_LENGTH = 64;

    private final String text;
    private int pos;

    private StrictJson(String text) {
        this.text = text;
    }

    /**
     * The value in {@code text}.
     *
     * @throws FormatProblem naming the character offset and what was expected there
     */
    static Object parse(String text) {
        StrictJson parser = new StrictJson(text);
        parser.skipWhitespace();
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected " + parser.describeNext() + " after the end of the JSON value");
        }
        return value;
    }

    /**
     * The value in {@code text}, a JSON document read from {@code where} (named in the error).
     *
     * @throws IllegalArgumentException naming {@code where}, the character offset and what was expected there
     */
    public static Object read(String text, String where) {
        try {
            return parse(text);
        } catch (FormatProblem p) {
            throw new IllegalArgumentException(where + ": " + p.getMessage(), p);
        }
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("JSON nested more than " + MAX_DEPTH + " levels deep");
        }
        if (pos >= text.length()) {
            throw error("unexpected end of JSON, expected a value");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected " + describeNext() + ", expected a JSON value");
        }
    }

    private Map<String, Object> object(int depth) {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("unexpected " + describeNext() + ", expected a string key");
            }
            int keyStart = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = value(depth + 1);
            if (map.containsKey(key)) {
                pos = keyStart;
                throw error("duplicate key " + PlainValues.abbreviate(JsonStrings.quote(key)));
            }
            map.put(key, value);
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == '}') {
                pos++;
                return Collections.unmodifiableMap(map);
            } else {
                throw error("unexpected " + describeNext() + ", expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) {
        pos++;
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipWhitespace();
            list.add(value(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == ']') {
                pos++;
                return Collections.unmodifiableList(list);
            } else {
                throw error("unexpected " + describeNext() + ", expected ',' or ']'");
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("control character U+" + String.format("%04X", (int) c) + " in a string (it must be escaped)");
            }
            if (c == '\\') {
                escape(sb);
            } else {
                // The text came from a strict UTF-8 decoder, so raw surrogates here are always paired.
                sb.append(c);
                pos++;
            }
        }
    }

    private void escape(StringBuilder sb) {
        pos++;
        if (pos >= text.length()) {
            throw error("unterminated string");
        }
        char e = text.charAt(pos);
        pos++;
        switch (e) {
            case '"', '\\', '/' -> sb.append(e);
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
                char unit = hexUnit();
                if (Character.isHighSurrogate(unit)) {
                    if (!text.startsWith("\\u", pos)) {
                        throw error("unpaired surrogate \\u" + String.format("%04X", (int) unit));
                    }
                    pos += 2;
                    char low = hexUnit();
                    if (!Character.isLowSurrogate(low)) {
                        throw error("unpaired surrogate \\u" + String.format("%04X", (int) unit));
                    }
                    sb.append(unit).append(low);
                } else if (Character.isLowSurrogate(unit)) {
                    throw error("unpaired surrogate \\u" + String.format("%04X", (int) unit));
                } else {
                    sb.append(unit);
                }
            }
            default -> {
                pos -= 2;
                throw error("invalid escape '\\" + e + "'");
            }
        }
    }

    private char hexUnit() {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
                throw error("invalid \\u escape, expected 4 hex digits");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("invalid number, expected a digit");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) {
                throw error("invalid number, expected a digit after '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("invalid number, expected a digit in the exponent");
            }
            digits();
        }
        if (isDigit(peek())) {
            throw error("invalid number: leading zeros are not allowed");
        }
        String literal = text.substring(start, pos);
        if (literal.length() > MAX_NUMBER_LENGTH) {
            pos = start;
            throw error("number literal longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        if (!integral) {
            return Double.parseDouble(literal);
        }
        try {
            return Long.parseLong(literal);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("integer " + literal + " does not fit in 64 bits");
        }
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + describeNext() + ", expected a JSON value");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("unexpected " + describeNext() + ", expected '" + c + "'");
        }
        pos++;
    }

    /** The next character, or -1 at the end. */
    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String describeNext() {
        if (pos >= text.length()) {
            return "end of JSON";
        }
        char c = text.charAt(pos);
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : "character U+" + String.format("%04X", (int) c);
    }

    private FormatProblem error(String message) {
        return new FormatProblem("invalid JSON at character " + pos + ": " + message);
    }
}
