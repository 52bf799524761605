package dev.grove.loader.modelio;

/**
 * One entry of a safetensors header, checked: its element count times the dtype size equals
 * {@code end - begin}, and the offsets are relative to the start of the data section.
 *
 * @param name     the array's name
 * @param dtype    its element type
 * @param shape    its dimensions (empty for a scalar)
 * @param elements the product of the dimensions
 * @param begin    first data byte
 * @param end      one past the last data byte
 */
record TensorInfo(String name, Dtype dtype, int[] shape, int elements, long begin, long end) {
}
