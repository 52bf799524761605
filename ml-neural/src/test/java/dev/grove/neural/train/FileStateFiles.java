package dev.grove.neural.train;

import dev.grove.api.model.ModelState;
import dev.grove.api.run.StateFiles;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * A test-scope {@link StateFiles} that really writes files (a plain binary layout, written to a
 * temporary file and moved into place), so a resumed run reads only what went to disk.
 */
final class FileStateFiles implements StateFiles {

    int writes;

    @Override
    public void write(Path path, ModelState state) throws IOException {
        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        try (var out = new DataOutputStream(Files.newOutputStream(temporary))) {
            out.writeInt(state.attributes().size());
            for (Map.Entry<String, String> a : state.attributes().entrySet()) {
                out.writeUTF(a.getKey());
                out.writeUTF(a.getValue());
            }
            out.writeInt(state.arrays().size());
            for (Map.Entry<String, ModelState.Array> a : state.arrays().entrySet()) {
                out.writeUTF(a.getKey());
                int[] shape = a.getValue().shape();
                out.writeInt(shape.length);
                for (int d : shape) {
                    out.writeInt(d);
                }
                float[] values = a.getValue().floats();
                out.writeInt(values.length);
                for (float v : values) {
                    out.writeInt(Float.floatToRawIntBits(v));
                }
            }
        }
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        writes++;
    }

    @Override
    public ModelState read(Path path) throws IOException {
        ModelState.Builder state = ModelState.builder();
        try (var in = new DataInputStream(Files.newInputStream(path))) {
            int attributes = in.readInt();
            for (int i = 0; i < attributes; i++) {
                state.attribute(in.readUTF(), in.readUTF());
            }
            int arrays = in.readInt();
            for (int i = 0; i < arrays; i++) {
                String name = in.readUTF();
                int[] shape = new int[in.readInt()];
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readInt();
                }
                float[] values = new float[in.readInt()];
                for (int v = 0; v < values.length; v++) {
                    values[v] = Float.intBitsToFloat(in.readInt());
                }
                state.add(name, new ModelState.Array(null, values, shape));
            }
        }
        return state.build();
    }
}
