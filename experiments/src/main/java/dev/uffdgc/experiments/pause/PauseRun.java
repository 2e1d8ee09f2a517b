package dev.uffdgc.experiments.pause;

import dev.uffdgc.kernel.Rusage;
import dev.uffdgc.kernel.uapi.Resource;
import dev.uffdgc.toyvm.heap.HeapAccess;
import java.io.File;
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
    /** toyvm's launcher class (toyvm.jar's Main-Class), for the agent runs' class-path start. */
    static final String TOYVM_MAIN = dev.uffdgc.toyvm.cli.Main.class.getName();
    /** toyvm's heap limit: 32-bit references shifted by 3 (ObjectLayout.MAX_HEAP_BYTES, 32 GiB - a page). */
    static final long TOYVM_MAX_HEAP_MB = dev.uffdgc.toyvm.heap.ObjectLayout.MAX_HEAP_BYTES >> 20;

    /** One workload: live set, heap (capped, the same for every mode), guest threads, churn. */
    record Workload(int live, int heapMb, int threads, int churn) {
        /** The heap for a live set: the asked size capped at toyvm's limit, for HotSpot's runs too (like with like). */
        static int heap(int askedMb) {
            return (int) Math.min(askedMb, TOYVM_MAX_HEAP_MB);
        }

        String name() {
            return "live" + live + "m-heap" + heapMb + "m-" + threads + "t";
        }
    }

    /** What one run gave; {@code status} is "ok", "failed: ..." or "skipped: ...". */
    record Result(String mode, Workload w, String status, PauseLog log, double wallSeconds, double cpuSeconds,
            String output) {
        boolean ok() {
            return status.equals("ok");
        }

        int live() {
            return w.live();
        }

        int threads() {
            return w.threads();
        }

        int heapMb() {
            return w.heapMb();
        }
    }

    private PauseRun() {
    }

    static Result run(PauseOptions o, String mode, Workload w, Path dir) {
        if (w.heapMb() < 2 * w.live()) {
            return new Result(mode, w, "skipped: a " + w.heapMb() + " MiB heap is under twice the live set (" + w.live()
                    + " MiB; toyvm's heap is limited to " + TOYVM_MAX_HEAP_MB + " MiB, 32-bit references shifted by 3)", null, 0, 0, "");
        }
        String tag = mode + "-" + w.name();
        Path gc = dir.resolve(tag + ".gc.log");
        Path sp = dir.resolve(tag + ".safepoint.log");
        Path out = dir.resolve(tag + ".out");
        Path err = dir.resolve(tag + ".err");
        List<String> cmd = command(o, mode, w, gc, sp);
        Rusage before = Rusage.of(Resource.RUSAGE_CHILDREN);
        long t0 = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            return new Result(mode, w, "failed: cannot start " + cmd.getFirst() + ": "
                    + e.getMessage(), null, 0, 0, "");
        }
        try {
            if (!p.waitFor(o.timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Result(mode, w, "failed: no exit within " + o.timeoutSeconds + " s",
                        null, 0, 0, "");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(mode, w, "failed: interrupted", null, 0, 0, "");
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        Rusage used = Rusage.of(Resource.RUSAGE_CHILDREN).minus(before);
        double cpu = (used.userNanos() + used.systemNanos()) / 1e9;
        String output = read(out);
        if (p.exitValue() != 0) {
            return new Result(mode, w, "failed: exit " + p.exitValue() + " (" + firstLine(read(err))
                    + ", see " + err + ")", null, wall, cpu, output);
        }
        return new Result(mode, w, "ok", PauseLog.read(sp, gc), wall, cpu, output);
    }

    static List<String> command(PauseOptions o, String mode, Workload w, Path gc, Path sp) {
        int heapMb = w.heapMb();
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
            // The launcher's flags, as `./uffd-gc run` uses them: on 2 vCPUs a C2 compile of the interpreter loop
            // (0.4-0.9 s of CPU) takes the pausing thread's CPU. LiveSetChurn 64 1 30 -Xmx256m under move, two
            // runs each, interleaved (load 8-9): pause max 10.9 / 13.1 ms without, 0.77 / 4.1 ms with them.
            cmd.addAll(mode.equals("stw") ? o.toyvmHostFlags : o.agentHostFlags);
            cmd.addAll(o.hostFlags);
            if (mode.equals("stw")) {
                cmd.addAll(List.of("-jar", o.toyvmJar.toString()));
            } else {
                // As ./uffd-gc run --gc starts it: toyvm from the class path with the agent jar on it, so that the
                // agent's AOT cache holds the agent's classes (it skips those of a jar only -javaagent adds).
                // move:markers=1+workers=2 -> mode=move,markers=1,workers=2 (a bad option fails the run, exit 2)
                cmd.addAll(List.of("-javaagent:" + o.agentJar + "=mode=" + mode.replace(':', ',').replace('+', ','),
                        HeapAccess.ADD_EXPORTS,
                        "-cp", o.toyvmJar + File.pathSeparator + o.agentJar, TOYVM_MAIN));
            }
            cmd.addAll(List.of("-Xmx" + heapMb + "m", "-Xlog:gc:file=" + gc,
                    "-Xlog:safepoint:file=" + sp, "-cp", o.samples.toString()));
        }
        cmd.addAll(List.of(MAIN, Integer.toString(w.live()), Integer.toString(w.threads()), Integer.toString(w.churn())));
        return cmd;
    }

    /** HotSpot with its default collector: the output every mode must print. */
    static String reference(PauseOptions o, Workload w, Path dir) {
        Result r = run(o, "hotspot-g1", w, dir.resolve("reference"));
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
