package dev.uffdgc.experiments.swap;

import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.Uffd;
import dev.uffdgc.toyvm.heap.HeapAccess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./uffd-gc experiment swap}: the swap-behaviour experiment of issue 6. For each scenario (cold pages
 * swapped out, or resident) and each mode, a fresh JVM runs the workload on toyvm and measures one compaction
 * ({@link SwapRun}); then the flip pause is measured against heap size; then the CSV, markdown report and PNG
 * plots are written to --out and the tables printed. Swap comes from {@link SwapSetup}.
 */
public final class SwapExperiment {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_NO_UFFD = 4;
    public static final int EXIT_NO_SWAP = 5;
    private static final long CHILD_TIMEOUT_MINUTES = 15;

    private SwapExperiment() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            out.print(SwapOptions.USAGE);
            return EXIT_OK;
        }
        SwapOptions o;
        try {
            o = SwapOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("uffd-gc experiment swap: " + e.getMessage());
            out.print(SwapOptions.USAGE);
            return EXIT_USAGE;
        }
        try {
            Uffd.probe();
        } catch (KernelException e) {
            out.println("uffd-gc experiment swap: userfaultfd is unavailable here: " + e.getMessage());
            return EXIT_NO_UFFD;
        }
        Path guest = Path.of(System.getProperty("uffdgc.samplesClasses", "samples/target/classes"));
        if (!Files.isDirectory(guest)) {
            out.println("uffd-gc experiment swap: guest classes not found at " + guest + " (build first: ./uffd-gc build)");
            return EXIT_FAILED;
        }
        long coldBytes = (long) (o.heapBytes * 0.7 * o.cold);
        List<RunResult> runs = new ArrayList<>();
        String swapDescription = "none needed (resident scenario only)";
        SwapSetup swap = null;
        try {
            if (o.scenarios.contains("swapped")) {
                swap = SwapSetup.ensure(coldBytes, o.swapDir, out);
                swapDescription = swap.description;
                out.println("swap: " + swapDescription);
            }
            Files.createDirectories(o.out);
            for (String scenario : o.scenarios) {
                for (Mode mode : o.modes) {
                    out.printf("[%d/%d] %s, cold pages %s%n", runs.size() + 1, o.scenarios.size() * o.modes.size(),
                            mode.label, scenario);
                    RunResult r = child(mode, scenario, o, guest);
                    out.println(r.ok() ? "  ok" : "  " + r.get("status") + ": " + r.get("reason"));
                    runs.add(r);
                }
            }
        } catch (SwapSetup.NoSwapException e) {
            out.println("uffd-gc experiment swap: " + e.getMessage());
            return EXIT_NO_SWAP;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (swap != null) {
                swap.close();
            }
        }
        out.println("flip pause: mremap DONTUNMAP + register of populated heaps ...");
        List<FlipPause.Point> flips = FlipPause.measure(o.flipSizes, 5);
        List<Claims.Row> claims = Claims.evaluate(runs, flips);
        Report.writeCsv(o.out.resolve("runs.csv"), runs);
        String md = Report.markdown(o, swapDescription, runs, flips, claims);
        Report.write(o.out.resolve("report.md"), md);
        Plots.writeAll(o.out, runs, flips);
        out.println();
        out.print(md);
        out.println("\nwritten: " + o.out.toAbsolutePath() + "/{runs.csv, report.md, *.png}");
        boolean failed = runs.stream().anyMatch(r -> r.get("status").equals("failed"));
        return failed ? EXIT_FAILED : EXIT_OK;
    }

    /** Runs one mode in a fresh JVM; its progress lines go to our stderr as they come. */
    private static RunResult child(Mode mode, String scenario, SwapOptions o, Path guest) throws IOException {
        Path result = Files.createTempFile("uffdgc-swap-run-", ".properties");
        try {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", HeapAccess.ADD_EXPORTS, "-Djava.awt.headless=true",
                    "-cp", System.getProperty("java.class.path"), SwapRun.class.getName(),
                    "--mode", mode.label, "--scenario", scenario, "--heap", String.valueOf(o.heapBytes),
                    "--cold", String.valueOf(o.cold), "--garbage", String.valueOf(o.garbage),
                    "--guest-cp", guest.toString(), "--result", result.toString()));
            if (!o.verify) {
                cmd.add("--no-verify");
            }
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (!p.waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return RunResult.failed(mode, scenario, "timed out after " + CHILD_TIMEOUT_MINUTES + " minutes").put("status", "failed");
            }
            if (Files.size(result) == 0) {
                return RunResult.failed(mode, scenario, "the run's JVM exited " + p.exitValue() + " without a result").put("status", "failed");
            }
            return RunResult.read(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunResult.failed(mode, scenario, "interrupted").put("status", "failed");
        } finally {
            Files.deleteIfExists(result);
        }
    }
}
