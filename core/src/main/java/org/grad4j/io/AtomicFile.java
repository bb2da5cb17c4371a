package org.grad4j.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file atomically: the content goes to a temporary file in the same directory, is forced
 * to disk, and is then renamed over the target. A failed or interrupted write leaves the old file
 * (if any) intact and no partial file behind.
 *
 * <p>The temporary file {@code .NAME.<random>.tmp} is locked ({@link FileLock}) while it is
 * written. A process killed mid-write (kill -9) leaves it behind, unlocked: the next write to the
 * same target removes such leftovers, those whose lock it can take and that hold data or are
 * older than {@link #STALE_MILLIS}, so a concurrent writer's file is never touched.
 *
 * <p>Targets are checked first ({@link #checkTarget}): an empty name, a directory or a file that
 * is not a regular one (a device node, a FIFO) is refused rather than replaced.
 */
public final class AtomicFile {

    /** Writes the content of a file through an output stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** A leftover temporary file younger than this may be a concurrent writer's that has not locked it yet. */
    static final long STALE_MILLIS = 2000;

    private AtomicFile() {}

    /**
     * Refuses a target that cannot or must not be replaced by a write.
     *
     * @throws IllegalArgumentException {@code '': empty file name}, {@code out: is a directory},
     *         {@code /dev/null: not a regular file (refusing to replace it)},
     *         {@code a/b.npz: directory a does not exist}
     */
    public static void checkTarget(Path target) {
        String name = target.toString();
        if (name.isBlank() || target.getFileName() == null || target.getFileName().toString().isBlank()) {
            throw new IllegalArgumentException("'" + name + "': empty file name");
        }
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException(name + ": is a directory, expected a file name");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw new IllegalArgumentException(name + ": not a regular file (refusing to replace it)");
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(name + ": directory " + dir + " does not exist");
        }
    }

    /** Writes {@code target} atomically with the given writer. */
    public static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null && !Files.isDirectory(dir) && !target.toString().isBlank()) {
            throw new IOException(target + ": directory " + dir + " does not exist");
        }
        checkTarget(target);
        removeLeftovers(dir, abs.getFileName().toString());
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        boolean done = false;
        readableByAll(tmp);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16);
                 FileLock lock = ch.lock()) {
                writer.write(out);
                out.flush();
                ch.force(true);
                try {
                    Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
                }
                done = true;
            }
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains(abs.getFileName().toString())) {
                throw e;
            }
            throw new IOException(target + ": " + message, e); // "No space left on device" names no file
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Deletes {@code .NAME.*.tmp} files in {@code dir} left by killed writers: unlocked, and
     * holding data or older than {@link #STALE_MILLIS}. Returns how many were removed; problems are ignored (the write
     * goes on).
     */
    static int removeLeftovers(Path dir, String name) {
        int removed = 0;
        long now = System.currentTimeMillis();
        try (var entries = Files.newDirectoryStream(dir, globQuote("." + name + ".") + "*.tmp")) {
            for (Path p : entries) {
                try {
                    // an empty, young file may be a concurrent writer's that has not locked it yet;
                    // a writer locks before it writes a byte, so an unlocked file with data is dead
                    if (!Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            || (Files.size(p) == 0 && now - Files.getLastModifiedTime(p).toMillis() < STALE_MILLIS)) {
                        continue;
                    }
                    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE);
                         FileLock lock = ch.tryLock()) {
                        if (lock != null) {
                            Files.deleteIfExists(p);
                            removed++;
                        }
                    }
                } catch (IOException | OverlappingFileLockException e) {
                    // in use or gone: leave it
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable directory: the write itself reports what matters
        }
        return removed;
    }

    private static String globQuote(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("*?[]{}\\".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Temporary files are created owner-only; the file written is rw-r--r-- like any other. */
    private static void readableByAll(Path tmp) {
        try {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: keep the default permissions
        }
    }

    /** Writes bytes to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }
}
