package org.grad4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Targets that must not be replaced, and temporary files left by killed writers. */
class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void refusesEmptyNamesDirectoriesAndDeviceNodes() {
        assertThatThrownBy(() -> AtomicFile.write(Path.of(""), new byte[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("'': empty file name");
        assertThatThrownBy(() -> AtomicFile.write(dir, new byte[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(dir + ": is a directory, expected a file name");
        Path device = Path.of("/dev/null");
        assertThatThrownBy(() -> AtomicFile.write(device, new byte[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("/dev/null: not a regular file (refusing to replace it)");
        assertThat(Files.isRegularFile(device)).isFalse();
        Path missing = dir.resolve("no/such/dir/x.npz");
        assertThatThrownBy(() -> AtomicFile.write(missing, new byte[1]))
                .isInstanceOf(java.io.IOException.class).hasMessageEndingWith("does not exist");
        assertThatThrownBy(() -> AtomicFile.checkTarget(missing))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("does not exist");
    }

    @Test
    void leftoversOfAKilledWriteAreRemovedByTheNextWrite() throws Exception {
        Path target = dir.resolve("model.npz");
        Path stale = dir.resolve(".model.npz.123456789.tmp");
        Path young = dir.resolve(".model.npz.987654321.tmp");
        Path killed = dir.resolve(".model.npz.555.tmp");
        Path other = dir.resolve(".other.npz.123.tmp");
        for (Path p : new Path[] {stale, other, killed}) {
            Files.write(p, new byte[] {1, 2, 3});
        }
        Files.write(young, new byte[0]);
        Files.write(stale, new byte[0]);
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(stale, old);
        Files.setLastModifiedTime(other, old);
        AtomicFile.write(target, new byte[] {42});
        assertThat(target).hasBinaryContent(new byte[] {42});
        assertThat(stale).doesNotExist();
        assertThat(killed).as("unlocked and holding data: its writer is dead").doesNotExist();
        assertThat(young).as("empty and young: possibly a concurrent writer's not yet locked").exists();
        assertThat(other).as("another target's").exists();
    }
}
