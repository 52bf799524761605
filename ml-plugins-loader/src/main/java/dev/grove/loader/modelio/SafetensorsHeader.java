package dev.grove.loader.modelio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a safetensors JSON header against the size of the data section that follows it,
 * before a single array is allocated: known dtypes, non-negative shapes, byte spans that match the
 * shapes, and offsets that tile the data section exactly (from 0, contiguous, no overlap, no gap,
 * nothing left over). Duplicate names are rejected by the JSON parser.
 */
final class SafetensorsHeader {

    private static final String WHERE = "tensors.safetensors";
    private static final Set<String> TENSOR_KEYS = Set.of("dtype", "shape", "data_offsets");
    /** Largest Java array, so every tensor can be read into one. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private SafetensorsHeader() {
    }

    /**
     * The tensors described by {@code json}, in data order.
     *
     * @param dataLength the number of bytes actually present after the header
     * @throws FormatProblem saying which tensor is wrong and how
     */
    static List<TensorInfo> parse(String json, long dataLength) {
        Object root;
        try {
            root = StrictJson.parse(json);
        } catch (FormatProblem e) {
            throw new FormatProblem(WHERE + " has an invalid header: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new FormatProblem(WHERE + ": the header must be a JSON object, found " + PlainValues.describe(root));
        }
        List<TensorInfo> tensors = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = (String) e.getKey();
            if (SafetensorsEncoder.METADATA_KEY.equals(name)) {
                checkMetadata(e.getValue());
            } else {
                tensors.add(tensor(name, e.getValue()));
            }
        }
        tensors.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        checkTiling(tensors, dataLength);
        return tensors;
    }

    private static void checkMetadata(Object value) {
        if (!(value instanceof Map<?, ?> metadata) || !metadata.values().stream().allMatch(v -> v instanceof String)) {
            throw new FormatProblem(WHERE + ": " + SafetensorsEncoder.METADATA_KEY + " must map names to strings");
        }
    }

    private static TensorInfo tensor(String name, Object value) {
        String where = WHERE + ": tensor " + describeJson(name);
        if (!(value instanceof Map<?, ?> info)) {
            throw new FormatProblem(where + " must be described by an object, found " + PlainValues.describe(value));
        }
        if (!info.keySet().equals(TENSOR_KEYS)) {
            throw new FormatProblem(where + " must have exactly the keys dtype, shape and data_offsets, found " + info.keySet());
        }
        Object dtypeName = info.get("dtype");
        Dtype dtype = dtypeName instanceof String s ? Dtype.named(s) : null;
        if (dtype == null) {
            throw new FormatProblem(where + " has unsupported dtype " + describeJson(dtypeName) + " (Grove reads F64 and F32)");
        }
        int[] shape = shape(where, info.get("shape"));
        // A zero dimension empties the tensor whatever the others are; otherwise stop before overflowing.
        long elements = Arrays.stream(shape).anyMatch(d -> d == 0) ? 0 : 1;
        for (int d : shape) {
            elements *= d;
            if (elements > MAX_ELEMENTS) {
                throw new FormatProblem(where + " has shape " + Arrays.toString(shape) + ", more than "
                        + MAX_ELEMENTS + " elements");
            }
        }
        long[] offsets = offsets(where, info.get("data_offsets"));
        long span = offsets[1] - offsets[0];
        if (elements * dtype.bytes() != span) {
            throw new FormatProblem(where + " has shape " + Arrays.toString(shape) + " of " + dtype + ", which needs "
                    + elements * dtype.bytes() + " bytes, but its data_offsets " + Arrays.toString(offsets) + " span " + span);
        }
        return new TensorInfo(name, dtype, shape, (int) elements, offsets[0], offsets[1]);
    }

    private static int[] shape(String where, Object value) {
        if (!(value instanceof List<?> dims)) {
            throw new FormatProblem(where + ": shape must be a list of dimensions, found " + describeJson(value));
        }
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            Object d = dims.get(i);
            if (!(d instanceof Long n) || n < 0 || n > Integer.MAX_VALUE) {
                throw new FormatProblem(where + ": shape " + describeJson(dims) + " has dimension " + describeJson(d)
                        + ", expected a whole number from 0 to " + Integer.MAX_VALUE);
            }
            shape[i] = (int) (long) n;
        }
        return shape;
    }

    private static long[] offsets(String where, Object value) {
        if (!(value instanceof List<?> list) || list.size() != 2 || !(list.get(0) instanceof Long begin)
                || !(list.get(1) instanceof Long end) || begin < 0 || end < begin) {
            throw new FormatProblem(where + ": data_offsets must be [begin, end] with 0 <= begin <= end, found " + describeJson(value));
        }
        return new long[] {begin, end};
    }

    private static void checkTiling(List<TensorInfo> tensors, long dataLength) {
        long expected = 0;
        for (TensorInfo t : tensors) {
            String what = "tensor " + describeJson(t.name()) + " (data_offsets [" + t.begin() + ", " + t.end() + "])";
            if (t.begin() < expected) {
                throw new FormatProblem(WHERE + ": " + what + " overlaps the tensor before it, which ends at " + expected);
            }
            if (t.begin() > expected) {
                throw new FormatProblem(WHERE + ": " + what + " leaves a gap of " + (t.begin() - expected)
                        + " bytes after the data before it, which ends at " + expected);
            }
            expected = t.end();
        }
        if (expected > dataLength) {
            throw new FormatProblem(WHERE + " is truncated: the header says " + expected + " bytes of data, found " + dataLength);
        }
        if (expected < dataLength) {
            throw new FormatProblem(WHERE + " has " + (dataLength - expected) + " bytes of data after the last tensor, which ends at "
                    + expected + " (the header must cover the whole data section)");
        }
    }

    /** {@code value} as a message shows it: strings quoted as in JSON, everything cut short. */
    private static String describeJson(Object value) {
        return PlainValues.abbreviate(value instanceof String s ? JsonStrings.quote(s) : String.valueOf(value));
    }
}
