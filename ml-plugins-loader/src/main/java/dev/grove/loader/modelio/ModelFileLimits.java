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

    /** 16 MiB of YAML (room for a vocabulary of about a million tokens), 2 GiB of tensors, 100 MB of safetensors header. */
    static final ModelFileLimits DEFAULT = new ModelFileLimits(16L << 20, 2L << 30, 100_000_000L);
}
