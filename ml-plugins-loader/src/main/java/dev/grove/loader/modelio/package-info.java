/**
 * The {@code model.grove} file: a zip holding exactly two entries.
 *
 * <ul>
 *   <li>{@code model.yaml} — {@code format: grove-model}, {@code format-version: 1}, the component
 *       name, its params (for a {@code pipeline}: {@code steps}, each with {@code component} and
 *       {@code params}), the training schema, the provenance, the model state's string attributes,
 *       the list of tensor names and {@code tensors-sha256}, the SHA-256 of the other entry. The
 *       schema's {@code sample-shape} (e.g. {@code [3, 32, 32]}) is optional: without it samples are flat rows;
 *       so is {@code vocabulary}, the tokens that token-id features stand for.</li>
 *   <li>{@code tensors.safetensors} — the arrays in the safetensors layout (8-byte little-endian
 *       header length, space-padded JSON header of name to dtype, shape and data offsets, raw
 *       little-endian F64/F32 data), stored uncompressed so other tools can read it as is.</li>
 * </ul>
 *
 * <p>A state file (a training checkpoint) has the same layout; its model.yaml holds only
 * {@code format: grove-state}, {@code format-version}, the attributes, the tensor names and
 * {@code tensors-sha256}. {@link dev.grove.loader.modelio.StateFileStore} writes and reads them for
 * the families, through {@link dev.grove.api.run.StateFiles}.
 *
 * <p>{@link dev.grove.loader.modelio.ModelFileWriter} writes one atomically;
 * {@link dev.grove.loader.modelio.ModelFileReader} reads one without trusting any of it and reports
 * every damaged or hostile file as a {@link dev.grove.loader.modelio.ModelFileException}.
 */
package dev.grove.loader.modelio;
