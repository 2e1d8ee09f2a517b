package dev.uffdgc.kernel;

import java.nio.file.Path;

/** Child JVM for SwapfileTest: creates a swapfile, reports its path, then waits to be killed (SIGTERM). */
public final class SwapfileHookMain {
    private SwapfileHookMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Swapfile swapfile;
        try {
            swapfile = Swapfile.create(Path.of(args[0]), 2);
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getMessage());
            return;
        }
        System.out.println("CREATED " + swapfile.path());
        System.out.flush();
        Thread.sleep(60_000); // never closes it: only the shutdown hook can remove it
    }
}
