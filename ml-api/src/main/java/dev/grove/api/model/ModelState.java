package dev.grove.api.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The numbers a fitted model consists of: named float64 or float32 arrays with shapes (saved as
 * safetensors) and short string attributes. Immutable once built.
 */
public final class ModelState {

    /** One named array: float64 ({@code doubles}) or float32 ({@code floats}), never both. */
    public record Array(double[] doubles, float[] floats, int[] shape) {
        /** Checks that the shape matches the data. */
        public Array {
            long n = 1;
            for (int d : shape) {
                if (d < 0) {
                    throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
                }
                n *= d;
            }
            int length = doubles != null ? doubles.length : floats.length;
            if ((doubles == null) == (floats == null) || n != length) {
                throw new IllegalArgumentException("array of " + length + " values does not fit shape " + Arrays.toString(shape));
            }
            shape = shape.clone();
        }

        /** Whether this array is float64. */
        public boolean isDouble() {
            return doubles != null;
        }
    }

    private final Map<String, Array> arrays;
    private final Map<String, String> attributes;

    private ModelState(Map<String, Array> arrays, Map<String, String> attributes) {
        this.arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Starts an empty state. */
    public static Builder builder() {
        return new Builder();
    }

    /** All arrays by name, in insertion order. */
    public Map<String, Array> arrays() {
        return arrays;
    }

    /** All attributes by name. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** The float64 array {@code name}, checked to exist and to have {@code expectedShape} if given. */
    public double[] doubles(String name, int... expectedShape) {
        Array a = require(name, expectedShape);
        if (!a.isDouble()) {
            throw new IllegalArgumentException("model state: array '" + name + "' is float32, expected float64");
        }
        return a.doubles().clone();
    }

    /** The float32 array {@code name}, checked like {@link #doubles}. */
    public float[] floats(String name, int... expectedShape) {
        Array a = require(name, expectedShape);
        if (a.isDouble()) {
            throw new IllegalArgumentException("model state: array '" + name + "' is float64, expected float32");
        }
        return a.floats().clone();
    }

    /** The shape of array {@code name}. */
    public int[] shape(String name) {
        return require(name).shape().clone();
    }

    /** Attribute {@code name}, which must exist. */
    public String attribute(String name) {
        String v = attributes.get(name);
        if (v == null) {
            throw new IllegalArgumentException("model state: missing attribute '" + name + "' (have " + attributes.keySet() + ")");
        }
        return v;
    }

    private Array require(String name, int... expectedShape) {
        Array a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("model state: missing array '" + name + "' (have " + arrays.keySet() + ")");
        }
        if (expectedShape.length > 0 && !Arrays.equals(a.shape(), expectedShape)) {
            throw new IllegalArgumentException("model state: array '" + name + "' has shape " + Arrays.toString(a.shape())
                    + ", expected " + Arrays.toString(expectedShape));
        }
        return a;
    }

    /** Builds a {@link ModelState}. */
    public static final class Builder {
        private final Map<String, Array> arrays = new LinkedHashMap<>();
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds a float64 array (copied). */
        public Builder put(String name, double[] values, int... shape) {
            return add(name, new Array(values.clone(), null, shape.length == 0 ? new int[] {values.length} : shape));
        }

        /** Adds a float32 array (copied). */
        public Builder put(String name, float[] values, int... shape) {
            return add(name, new Array(null, values.clone(), shape.length == 0 ? new int[] {values.length} : shape));
        }

        /** Adds an already-built array. */
        public Builder add(String name, Array array) {
            Objects.requireNonNull(name, "name");
            if (arrays.putIfAbsent(name, array) != null) {
                throw new IllegalArgumentException("model state: array '" + name + "' added twice");
            }
            return this;
        }

        /** Adds a string attribute. */
        public Builder attribute(String name, String value) {
            attributes.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /** The state. */
        public ModelState build() {
            return new ModelState(arrays, attributes);
        }
    }
}
