package dev.uffdgc.experiments.pause;

import dev.uffdgc.kernel.Rusage;
import dev.uffdgc.kernel.uapi.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the load program in a child JVM: toyvm (built-in collector, or under the agent) or HotSpot with one
 * of its collectors, with the GC and safepoint logs in files of its own. Child processes for every mode, so that
 * each starts from the same state and toyvm's stw and agent runs get the same host flags.
 */
final class PauseRun {
    static final String MAIN = "dev.uffdgc.samples.LiveSetChurn";
    /** toyvm's heap limit: 31-bit byte offsets as references (ObjectLayout.MAX_HEAP_BYTES). */
    static final long TOYVM_MAX_HEAP_MB = 2047;

    /** What one run gave; {@code status} is "ok", "failed: ..." or "skipped: ...". */
    record Result(String mode, int live, int threads, int heapMb, String status, PauseLog log, double wallSeconds,
            double cpuSeconds, String output) {
        boolean ok() {
            return status.equals("ok");
        }
    }

    private PauseRun() {
    }

    static Result run(PauseOptions o, String mode, int live, int threads, Path dir) {
        int heapMb = 4 * live;
        if (!mode.startsWith("hotspot") && heapMb > TOYVM_MAX_HEAP_MB) {
            return new Result(mode, live, threads, heapMb, "skipped: toyvm's heap is limited to 2 GiB (32-bit"
                    + " byte-offset references); a " + heapMb + " MiB heap needs compressed references", null, 0, 0, "");
        }
        String tag = mode + "-" + live + "m-" + threads + "t";
        Path gc = dir.resolve(tag + ".gc.log");
        Path sp = dir.resolve(tag + ".safepoint.log");
        Path out = dir.resolve(tag + ".out");
        Path err = dir.resolve(tag + ".err");
        List<String> cmd = command(o, mode, heapMb, gc, sp, live, threads);
        Rusage before = Rusage.of(Resource.RUSAGE_CHILDREN);
        long t0 = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            return new Result(mode, live, threads, heapMb, "failed: cannot start " + cmd.getFirst() + ": "
                    + e.getMessage(), null, 0, 0, "");
        }
        try {
            if (!p.waitFor(o.timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Result(mode, live, threads, heapMb, "failed: no exit within " + o.timeoutSeconds + " s",
                        null, 0, 0, "");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(mode, live, threads, heapMb, "failed: interrupted", null, 0, 0, "");
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        Rusage used = Rusage.of(Resource.RUSAGE_CHILDREN).minus(before);
        double cpu = (used.userNanos() + used.systemNanos()) / 1e9;
        String output = read(out);
        if (p.exitValue() != 0) {
            return new Result(mode, live, threads, heapMb, "failed: exit " + p.exitValue() + " (" + firstLine(read(err))
                    + ", see " + err + ")", null, wall, cpu, output);
        }
        return new Result(mode, live, threads, heapMb, "ok", PauseLog.read(sp, gc), wall, cpu, output);
    }

    static List<String> command(PauseOptions o, String mode, int heapMb, Path gc, Path sp, int live, int threads) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        if (mode.startsWith("hotspot-")) {
            cmd.add(switch (mode) {
                case "hotspot-zgc" -> "-XX:+UseZGC";
                case "hotspot-shenandoah" -> "-XX:+UseShenandoahGC";
                case "hotspot-g1" -> "-XX:+UseG1GC";
                case "hotspot-serial" -> "-XX:+UseSerialGC";
                default -> throw new IllegalArgumentException(mode);
            });
            cmd.addAll(List.of("-Xmx" + heapMb + "m", "-Xlog:gc,gc+phases:file=" + gc, "-Xlog:safepoint:file=" + sp,
                    "-cp", o.samples.toString()));
        } else {
            cmd.add("--enable-native-access=ALL-UNNAMED");
            cmd.addAll(o.hostFlags);
            if (!mode.equals("stw")) {
                cmd.add("-javaagent:" + o.agentJar + "=mode=" + mode);
            }
            cmd.addAll(List.of("-jar", o.toyvmJar.toString(), "-Xmx" + heapMb + "m", "-Xlog:gc:file=" + gc,
                    "-Xlog:safepoint:file=" + sp, "-cp", o.samples.toString()));
        }
        cmd.addAll(List.of(MAIN, Integer.toString(live), Integer.toString(threads), Integer.toString(o.churn)));
        return cmd;
    }

    /** HotSpot with its default collector: the output every mode must print. */
    static String reference(PauseOptions o, int live, int threads, Path dir) {
        Result r = run(o, "hotspot-g1", live, threads, dir.resolve("reference"));
        if (!r.ok()) {
            throw new IllegalStateException("the HotSpot reference run failed: " + r.status());
        }
        return r.output();
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
