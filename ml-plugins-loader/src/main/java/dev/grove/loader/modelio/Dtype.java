package dev.grove.loader.modelio;

import dev.grove.api.model.ModelState;

/** The safetensors element types Grove writes and reads: little-endian IEEE 754 float64 and float32. */
enum Dtype {
    /** float64, 8 bytes. */
    F64(8),
    /** float32, 4 bytes. */
    F32(4);

    private final int bytes;

    Dtype(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    int bytes() {
        return bytes;
    }

    /** The type of {@code array}'s elements. */
    static Dtype of(ModelState.Array array) {
        return array.isDouble() ? F64 : F32;
    }

    /** The type spelled {@code name} in a safetensors header, or null if Grove does not read it. */
    static Dtype named(String name) {
        for (Dtype d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }
}
