package dev.grove.loader.modelio;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Replaces a file all at once: the new content goes to a temporary file in the same directory, is
 * forced to disk, and is then renamed over the target. A reader, or a crash, sees the old file or
 * the new one, never a half-written one; a failed write leaves the old file and no temporary file.
 */
final class AtomicFiles {

    /** Writes a file's content. */
    @FunctionalInterface
    interface Content {
        /** Writes everything to {@code out}, and may close it. */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code content} to {@code target}, replacing any existing file atomically where the file system can. */
    static void replace(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        // Created like any new file (not with createTempFile's owner-only permissions), so the
        // renamed result has the permissions a user expects.
        Path temp = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream file = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(file, 1 << 16)) {
                content.writeTo(out);
            }
            // Forcing through a second handle is as good as through the first: it is the file that is synced.
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            move(temp, absolute);
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
