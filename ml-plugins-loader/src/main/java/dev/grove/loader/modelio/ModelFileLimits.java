package dev.grove.loader.modelio;

/**
 * Size limits that keep a hostile model.grove from exhausting memory: each is checked against the
 * size the zip declares and against the bytes actually read.
 *
 * @param maxYamlBytes    largest model.yaml, uncompressed
 * @param maxTensorsBytes largest tensors.safetensors, uncompressed
 * @param maxHeaderBytes  largest safetensors JSON header (the reference implementation's limit)
 */
record ModelFileLimits(long maxYamlBytes, long maxTensorsBytes, long maxHeaderBytes) {

    /** 1 MiB of YAML, 2 GiB of tensors, 100 MB of safetensors header. */
    static final ModelFileLimits DEFAULT = new ModelFileLimits(1L << 20, 2L << 30, 100_000_000L);
}
