package dev.grove.loader.modelio;

import dev.grove.api.model.ModelState;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes a {@link ModelState}'s arrays in the safetensors layout: an 8-byte little-endian header
 * length, a compact UTF-8 JSON header padded with spaces to a multiple of 8 bytes (as the reference
 * implementation does, so the data starts 8-byte aligned), then each array's raw little-endian
 * elements, contiguous and in the state's order.
 */
final class SafetensorsEncoder {

    /** The header key the safetensors layout reserves for string metadata. */
    static final String METADATA_KEY = "__metadata__";
    private static final String METADATA_JSON = "\"" + METADATA_KEY + "\":{\"format\":\"grove\"}";
    private static final int CHUNK_BYTES = 1 << 16;

    private SafetensorsEncoder() {
    }

    /**
     * The padded JSON header for {@code state}.
     *
     * @throws IllegalArgumentException if an array is named {@code __metadata__} or its name cannot be encoded
     */
    static byte[] header(ModelState state) {
        StringBuilder json = new StringBuilder("{");
        long offset = 0;
        for (Map.Entry<String, ModelState.Array> e : state.arrays().entrySet()) {
            if (METADATA_KEY.equals(e.getKey())) {
                throw new IllegalArgumentException("model state: an array cannot be named '" + METADATA_KEY
                        + "', which safetensors reserves for metadata");
            }
            ModelState.Array a = e.getValue();
            Dtype dtype = Dtype.of(a);
            long end = offset + (long) length(a) * dtype.bytes();
            json.append(JsonStrings.quote(e.getKey())).append(":{\"dtype\":\"").append(dtype.name()).append("\",\"shape\":[");
            int[] shape = a.shape();
            for (int i = 0; i < shape.length; i++) {
                json.append(i == 0 ? "" : ",").append(shape[i]);
            }
            json.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]},");
            offset = end;
        }
        json.append(METADATA_JSON).append('}');
        byte[] raw = json.toString().getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(raw, (raw.length + 7) / 8 * 8);
        Arrays.fill(padded, raw.length, padded.length, (byte) ' ');
        return padded;
    }

    /** Writes the whole safetensors encoding of {@code state} to {@code out}. */
    static void write(ModelState state, OutputStream out) throws IOException {
        byte[] header = header(state);
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer bytes = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(0, header.length);
        out.write(chunk, 0, Long.BYTES);
        out.write(header);
        for (ModelState.Array a : state.arrays().values()) {
            if (a.isDouble()) {
                writeDoubles(a.doubles(), bytes.asDoubleBuffer(), chunk, out);
            } else {
                writeFloats(a.floats(), bytes.asFloatBuffer(), chunk, out);
            }
        }
    }

    private static void writeDoubles(double[] values, DoubleBuffer view, byte[] chunk, OutputStream out) throws IOException {
        for (int off = 0; off < values.length; off += view.capacity()) {
            int n = Math.min(view.capacity(), values.length - off);
            view.clear();
            view.put(values, off, n);
            out.write(chunk, 0, n * Double.BYTES);
        }
    }

    private static void writeFloats(float[] values, FloatBuffer view, byte[] chunk, OutputStream out) throws IOException {
        for (int off = 0; off < values.length; off += view.capacity()) {
            int n = Math.min(view.capacity(), values.length - off);
            view.clear();
            view.put(values, off, n);
            out.write(chunk, 0, n * Float.BYTES);
        }
    }

    private static int length(ModelState.Array a) {
        return a.isDouble() ? a.doubles().length : a.floats().length;
    }
}
