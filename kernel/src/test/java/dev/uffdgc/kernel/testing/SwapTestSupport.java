package dev.uffdgc.kernel.testing;

import dev.uffdgc.kernel.Swapfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where swap tests put their swapfiles: a fresh directory under this module's target/. Not /tmp: on many systems
 * that is tmpfs, and containers put it on overlayfs; neither can hold a swapfile (swapon: EINVAL). target/ sits
 * next to the sources, on a real disk filesystem (ext4 here; /tmp happens to be ext4 on this machine too).
 */
public final class SwapTestSupport {
    private SwapTestSupport() {
    }

    public static Path newTempDir() {
        try {
            Path target = Path.of(System.getProperty("basedir", "."), "target").toAbsolutePath();
            Files.createDirectories(target);
            return Files.createTempDirectory(target, "swaptest-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Last-resort cleanup if a test left a swapfile of ours active (e.g. a child JVM was killed). */
    public static void forceRemove(Path swapfile) {
        if (swapfile == null) {
            return;
        }
        if (dev.uffdgc.kernel.proc.SwapDevices.isActive(swapfile)) {
            Swapfile.swapoff(swapfile);
        }
        try {
            Files.deleteIfExists(swapfile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
