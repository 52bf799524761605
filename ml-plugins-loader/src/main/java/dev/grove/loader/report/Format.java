package dev.grove.loader.report;

import java.util.Locale;

/** How numbers read in a report: a few significant digits, percentages, counts with separators. */
final class Format {

    private Format() {
    }

    /**
     * A figure with four significant digits, in plain notation between 0.001 and one million and in
     * scientific notation outside; "n/a" for NaN.
     */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e6) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        String text = new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /** A share as a percentage with one decimal: {@code 0.9166 → 91.7%}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** A count with thousands separators: {@code 122,570}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Seconds as a person reads a duration: {@code 42 ms}, {@code 3.4 s}, {@code 3 min 12 s}, {@code 1 h 05 min}. */
    static String seconds(double seconds) {
        if (Double.isNaN(seconds)) {
            return "n/a";
        }
        if (seconds < 1) {
            return Math.round(seconds * 1000) + " ms";
        }
        if (seconds < 60) {
            return number(seconds < 10 ? Math.round(seconds * 100) / 100.0 : Math.round(seconds * 10) / 10.0) + " s";
        }
        long whole = Math.round(seconds);
        if (whole < 3600) {
            return whole / 60 + " min " + String.format(Locale.ROOT, "%02d", whole % 60) + " s";
        }
        return whole / 3600 + " h " + String.format(Locale.ROOT, "%02d", whole % 3600 / 60) + " min";
    }
}
