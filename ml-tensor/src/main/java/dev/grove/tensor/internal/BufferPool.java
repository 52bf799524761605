package dev.grove.tensor.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A small lock-free pool of scratch float buffers (GEMM packing, convolution's unfolded images), so
 * repeated large ops do not allocate and zero megabytes per call: with G1, an array over half a heap
 * region is a humongous object, slow to allocate and to reclaim (no thread-locals: buffers are
 * handed out and returned).
 * A request no pooled buffer satisfies is freshly allocated, and a full pool keeps the larger
 * buffers, so the memory kept is bounded by the slot count times the largest request.
 */
public final class BufferPool {

    private final AtomicReferenceArray<float[]> slots;

    public BufferPool(int slotCount) {
        this.slots = new AtomicReferenceArray<>(slotCount);
    }

    /** A buffer of at least {@code size} floats with arbitrary contents. */
    public float[] take(int size) {
        for (int i = 0; i < slots.length(); i++) {
            float[] buffer = slots.get(i);
            if (buffer != null && buffer.length >= size && slots.compareAndSet(i, buffer, null)) {
                return buffer;
            }
        }
        return new float[size];
    }

    /** Offers a buffer back for reuse; it replaces a smaller pooled buffer when no slot is free. */
    public void give(float[] buffer) {
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) == null && slots.compareAndSet(i, null, buffer)) {
                return;
            }
        }
        for (int i = 0; i < slots.length(); i++) {
            float[] pooled = slots.get(i);
            if (pooled != null && pooled.length < buffer.length && slots.compareAndSet(i, pooled, buffer)) {
                return;
            }
        }
    }
}
