package dev.grove.neural.data;

import java.util.Locale;

/**
 * How the image sources turn pixel bytes (0–255) into features, the {@code scale} param:
 * <ul>
 *   <li>{@code none}: the byte value as it is, 0.0 to 255.0;</li>
 *   <li>{@code unit} (the default): the value divided by 255, in [0, 1], computed as
 *       {@code (float) (value / 255.0)}, exactly what {@code torch.tensor(bytes / 255.0, dtype=float32)}
 *       gives;</li>
 *   <li>{@code standard}: the unit value, then per channel minus the mean and divided by the
 *       standard deviation of that channel's unit values over every loaded image (see
 *       {@link ChannelStandardiser}).</li>
 * </ul>
 */
enum PixelScale {
    /** Byte values 0–255 as they are. */
    NONE,
    /** Byte values divided by 255. */
    UNIT,
    /** Unit values standardised per channel. */
    STANDARD;

    /** The names the {@code scale} param accepts. */
    static final String[] NAMES = {"unit", "none", "standard"};

    private static final int BYTE_VALUES = 256;
    private static final double MAX_BYTE = 255.0;

    /** The scale the {@code scale} param names (validated by the params record). */
    static PixelScale named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The feature value of each byte value (index 0–255), before any standardisation. */
    float[] table() {
        float[] table = new float[BYTE_VALUES];
        for (int b = 0; b < BYTE_VALUES; b++) {
            table[b] = this == NONE ? b : (float) (b / MAX_BYTE);
        }
        return table;
    }
}
