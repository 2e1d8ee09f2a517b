package dev.uffdgc.experiments.swap;

import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.Swapfile;
import dev.uffdgc.kernel.proc.ProcStatus;
import dev.uffdgc.kernel.proc.SwapDevices;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Swap for the experiment: the machine's when some is active (used as is, never touched); otherwise, as root,
 * a swapfile in a temporary directory of its own, switched off and removed by {@link #close()}, and by a
 * shutdown hook if the JVM exits first (an exception, Ctrl-C).
 */
final class SwapSetup implements AutoCloseable {
    /** Thrown when there is no swap and we may not create any: the driver exits with {@link SwapExperiment#EXIT_NO_SWAP}. */
    static final class NoSwapException extends RuntimeException {
        NoSwapException(String message) {
            super(message);
        }
    }

    private final Path dir;
    private final Swapfile swapfile;
    private final Thread hook;
    final String description;

    private SwapSetup(Path dir, Swapfile swapfile, String description) {
        this.dir = dir;
        this.swapfile = swapfile;
        this.description = description;
        this.hook = dir == null ? null : new Thread(this::closeQuietly, "swap-experiment-cleanup");
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    static SwapSetup ensure(long bytesNeeded, Path parent, PrintStream progress) {
        if (SwapDevices.anyActive()) {
            long free = 0;
            for (SwapDevices.Device d : SwapDevices.active()) {
                free += d.sizeBytes() - d.usedBytes();
            }
            if (free < bytesNeeded) {
                progress.printf("warning: active swap has %d MiB free, the workload's cold part is %d MiB%n",
                        free >> 20, bytesNeeded >> 20);
            }
            return new SwapSetup(null, null, "the machine's active swap (" + SwapDevices.active().size() + " device(s))");
        }
        if (!ProcStatus.self().hasCapSysAdmin()) {
            throw new NoSwapException("no swap is active, and creating a swapfile needs root (CAP_SYS_ADMIN)."
                    + " Run as root, or enable swap first (e.g. fallocate -l 1G /var/tmp/swap && mkswap ... && swapon ...).");
        }
        Path dir;
        try {
            Files.createDirectories(parent);
            dir = Files.createTempDirectory(parent, "uffdgc-swap-");
        } catch (IOException e) {
            throw new NoSwapException("cannot create a directory for the swapfile under " + parent + ": " + e);
        }
        long mib = (bytesNeeded >> 20) + 64;
        progress.printf("creating a %d MiB swapfile in %s ...%n", mib, dir);
        try {
            Swapfile f = Swapfile.create(dir, mib);
            return new SwapSetup(dir, f, "a " + mib + " MiB swapfile of its own in " + dir + " (removed afterwards)");
        } catch (KernelException | IllegalStateException e) {
            deleteDir(dir);
            throw new NoSwapException("could not enable a swapfile in " + dir + ": " + e.getMessage()
                    + " (choose another directory with --swap-dir: it must be on ext4/xfs, not tmpfs or overlayfs)");
        }
    }

    @Override
    public void close() {
        if (swapfile != null) {
            try {
                swapfile.close();
            } finally {
                deleteDir(dir);
            }
        }
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // we are the hook
            }
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("uffd-gc: could not remove the experiment's swapfile in " + dir + ": " + e.getMessage());
        }
    }

    private static void deleteDir(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            System.err.println("uffd-gc: could not remove " + dir + ": " + e);
        }
    }
}
