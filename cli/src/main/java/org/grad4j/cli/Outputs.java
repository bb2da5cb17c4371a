package org.grad4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.grad4j.io.AtomicFile;

/**
 * Output files checked before any work: each one must be a file that can be replaced
 * ({@link AtomicFile#checkTarget}), and distinct outputs of one command must not share a path
 * ({@code --save X --plot X} would overwrite the model with the picture).
 */
final class Outputs {
    private final List<String> flags = new ArrayList<>();
    private final List<Path> paths = new ArrayList<>();

    /** Adds {@code flag FILE} when the file was given (null is skipped), checking it at once. */
    Outputs add(String flag, Path file) {
        if (file == null) {
            return this;
        }
        check(flag, file);
        Path normal = file.toAbsolutePath().normalize();
        for (int i = 0; i < paths.size(); i++) {
            if (same(paths.get(i), normal)) {
                throw new BadInputException(flags.get(i) + " and " + flag + " name the same file " + file
                        + "; give each output its own path");
            }
        }
        flags.add(flag);
        paths.add(normal);
        return this;
    }

    /** Refuses {@code file} for {@code flag} when it is empty, a directory or not a regular file. */
    static void check(String flag, Path file) {
        try {
            AtomicFile.checkTarget(file);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(flag + ": " + e.getMessage());
        }
    }

    private static boolean same(Path a, Path b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
