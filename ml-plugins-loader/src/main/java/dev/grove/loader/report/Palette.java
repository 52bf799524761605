package dev.grove.loader.report;

/** The colours of series and clusters: ten that stay distinct for most readers and in greyscale print. */
final class Palette {

    private static final String[] COLOURS = {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    /** How many colours there are before they repeat. */
    static final int SIZE = COLOURS.length;

    private Palette() {
    }

    /** The colour of series or cluster {@code index}, repeating after {@link #SIZE}. */
    static String colour(int index) {
        return COLOURS[Math.floorMod(index, COLOURS.length)];
    }

    /**
     * A shade from white (0) to dark blue (1), for heatmap cells.
     *
     * @param share a value in [0, 1]; values outside are clamped
     */
    static String shade(double share) {
        double t = Double.isNaN(share) ? 0 : Math.max(0, Math.min(1, share));
        int r = (int) Math.round(247 + (8 - 247) * t);
        int g = (int) Math.round(251 + (48 - 251) * t);
        int b = (int) Math.round(255 + (107 - 255) * t);
        return String.format("#%02x%02x%02x", r, g, b);
    }

    /** Whether text on {@link #shade(double) shade(share)} should be white to stay readable. */
    static boolean darkShade(double share) {
        return share > 0.55;
    }
}
