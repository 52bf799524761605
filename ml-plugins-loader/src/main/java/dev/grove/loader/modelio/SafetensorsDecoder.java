package dev.grove.loader.modelio;

import dev.grove.api.model.ModelState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a safetensors stream whose true length is already known (measured, not taken from a zip
 * directory). The header length and the whole header are checked against that length before any
 * array is allocated, so a hostile header cannot make the reader allocate more than the file holds.
 */
final class SafetensorsDecoder {

    private static final String WHERE = "tensors.safetensors";
    private static final int CHUNK_BYTES = 1 << 16;

    private SafetensorsDecoder() {
    }

    /**
     * The arrays in {@code in}, by name, in data order.
     *
     * @param size           the number of bytes {@code in} holds
     * @param maxHeaderBytes the largest header length accepted
     * @throws FormatProblem if the header or the data do not follow the safetensors layout
     */
    static Map<String, ModelState.Array> decode(InputStream in, long size, long maxHeaderBytes) throws IOException {
        if (size < Long.BYTES) {
            throw new FormatProblem(WHERE + " is truncated: it holds " + size + " bytes, fewer than the 8-byte header length");
        }
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer bytes = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        readFully(in, chunk, Long.BYTES);
        long headerLength = bytes.getLong(0);
        String shown = Long.toUnsignedString(headerLength);
        if (Long.compareUnsigned(headerLength, maxHeaderBytes) > 0) {
            throw new FormatProblem(WHERE + ": header length " + shown + " exceeds the limit of " + maxHeaderBytes + " bytes");
        }
        if (headerLength > size - Long.BYTES) {
            throw new FormatProblem(WHERE + " is truncated: the header length is " + shown + " bytes but only "
                    + (size - Long.BYTES) + " bytes follow it");
        }
        if (headerLength % 8 != 0) {
            throw new FormatProblem(WHERE + ": header length " + shown
                    + " is not a multiple of 8 (the header must be padded with spaces to a multiple of 8 bytes)");
        }
        byte[] header = in.readNBytes((int) headerLength);
        if (header.length != headerLength) {
            throw truncated(header.length, headerLength);
        }
        String json = StrictUtf8.decode(header, WHERE + "'s header");
        if (!json.startsWith("{")) {
            throw new FormatProblem(WHERE + ": the header must be a JSON object starting with '{'");
        }
        List<TensorInfo> tensors = SafetensorsHeader.parse(json, size - Long.BYTES - headerLength);
        Map<String, ModelState.Array> arrays = new LinkedHashMap<>();
        for (TensorInfo t : tensors) {
            arrays.put(t.name(), t.dtype() == Dtype.F64
                    ? new ModelState.Array(readDoubles(in, t.elements(), chunk, bytes.asDoubleBuffer()), null, t.shape())
                    : new ModelState.Array(null, readFloats(in, t.elements(), chunk, bytes.asFloatBuffer()), t.shape()));
        }
        if (in.read() != -1) {
            throw new FormatProblem(WHERE + " changed while it was being read (it now holds more than " + size + " bytes)");
        }
        return arrays;
    }

    private static double[] readDoubles(InputStream in, int count, byte[] chunk, DoubleBuffer view) throws IOException {
        double[] values = new double[count];
        for (int off = 0; off < count; off += view.capacity()) {
            int n = Math.min(view.capacity(), count - off);
            readFully(in, chunk, n * Double.BYTES);
            view.clear();
            view.get(values, off, n);
        }
        return values;
    }

    private static float[] readFloats(InputStream in, int count, byte[] chunk, FloatBuffer view) throws IOException {
        float[] values = new float[count];
        for (int off = 0; off < count; off += view.capacity()) {
            int n = Math.min(view.capacity(), count - off);
            readFully(in, chunk, n * Float.BYTES);
            view.clear();
            view.get(values, off, n);
        }
        return values;
    }

    private static void readFully(InputStream in, byte[] buffer, int length) throws IOException {
        int read = in.readNBytes(buffer, 0, length);
        if (read != length) {
            throw truncated(read, length);
        }
    }

    private static FormatProblem truncated(long found, long wanted) {
        // The length was measured just before; running short means the file changed under us.
        return new FormatProblem(WHERE + " changed while it was being read (expected " + wanted + " more bytes, found " + found + ")");
    }
}
