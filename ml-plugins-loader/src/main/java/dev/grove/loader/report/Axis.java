package dev.grove.loader.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One axis of a chart: the value range shown, round tick values, and the mapping from values to
 * pixels. Linear axes extend their range to round ticks (1, 2 or 5 times a power of ten); a log axis
 * ticks at powers of ten and needs positive values.
 */
final class Axis {

    private static final int TARGET_TICKS = 5;

    private final double min;
    private final double max;
    private final boolean log;
    private final List<Double> ticks;

    private Axis(double min, double max, boolean log, List<Double> ticks) {
        this.min = min;
        this.max = max;
        this.log = log;
        this.ticks = ticks;
    }

    /**
     * A linear axis covering {@code [low, high]} (NaN bounds give [0, 1]; an empty range is widened
     * around its value), extended to round ticks.
     */
    static Axis linear(double low, double high) {
        return linear(low, high, false);
    }

    /**
     * A linear axis as {@link #linear(double, double)}, with ticks at whole numbers only when
     * {@code integers} (epochs, iterations, a number of clusters).
     */
    static Axis linear(double low, double high, boolean integers) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            low = 0;
            high = 1;
        }
        if (high - low <= Math.abs(high) * 1e-12) {
            double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
            low -= pad;
            high += pad;
        }
        double step = niceStep((high - low) / TARGET_TICKS);
        if (integers) {
            step = Math.max(1, step);
        }
        double first = Math.floor(low / step) * step;
        double last = Math.ceil(high / step) * step;
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; first + i * step <= last + step * 1e-9; i++) {
            ticks.add(clean(first + i * step, step));
        }
        return new Axis(first, last, false, ticks);
    }

    /**
     * A log axis covering {@code [low, high]} (both positive), from the power of ten at or below
     * {@code low} to the one at or above {@code high}.
     */
    static Axis log(double low, double high) {
        if (!(low > 0) || !(high > 0)) {
            throw new IllegalArgumentException("a log axis needs positive bounds, got " + low + " and " + high);
        }
        int from = (int) Math.floor(Math.log10(low));
        int to = (int) Math.ceil(Math.log10(high));
        if (to == from) {
            to++;
        }
        int stride = Math.max(1, (int) Math.ceil((to - from) / (double) TARGET_TICKS));
        List<Double> ticks = new ArrayList<>();
        for (int e = from; e <= to; e += stride) {
            ticks.add(Math.pow(10, e));
        }
        return new Axis(Math.pow(10, from), Math.pow(10, to), true, ticks);
    }

    /**
     * An axis of {@code count} categories at positions 0, 1, …, each with a tick, and half a step of
     * room at both ends.
     */
    static Axis categories(int count) {
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ticks.add((double) i);
        }
        return new Axis(-0.5, Math.max(count, 1) - 0.5, false, ticks);
    }

    /** The smallest value shown. */
    double min() {
        return min;
    }

    /** The largest value shown. */
    double max() {
        return max;
    }

    /** Whether values are placed by their logarithm. */
    boolean isLog() {
        return log;
    }

    /** Where to draw tick marks and labels. */
    List<Double> ticks() {
        return ticks;
    }

    /** {@code value}'s position as a share of the axis length: 0 at {@link #min}, 1 at {@link #max}. */
    double fraction(double value) {
        if (log) {
            return (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        }
        return (value - min) / (max - min);
    }

    /** A tick's label: plain for linear axes, {@code 10^k} style ({@code 1e-3}) for log ones outside [0.01, 1000]. */
    String label(double tick) {
        if (log && (tick < 0.01 || tick > 1000)) {
            return "1e" + Math.round(Math.log10(tick));
        }
        return Format.number(tick);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    private static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /** Removes the floating-point residue of {@code first + i * step} (0.30000000000000004 → 0.3). */
    private static double clean(double value, double step) {
        double digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
