package dev.grove.api.source;

/**
 * Strict decimal numbers as CSV files write them: an optional sign, digits with at most one
 * decimal point (at least one digit), and an optional exponent. Unlike {@link Double#parseDouble}
 * it rejects "NaN", "Infinity", hexadecimal and the Java suffixes {@code d}/{@code f}, so such
 * text is reported instead of silently loaded.
 */
final class DecimalText {

    private DecimalText() {
    }

    /** Whether {@code s} (already trimmed) is a decimal number. */
    static boolean isNumber(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            for (; i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** The value of {@code s}, which {@link #isNumber} accepted; −0 becomes 0 so equal values compare equal. */
    static double parse(String s) {
        return Double.parseDouble(s) + 0.0;
    }
}
