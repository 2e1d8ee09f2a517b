package dev.uffdgc.toyvm.thread;

import dev.uffdgc.toyvm.Vm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The diagnostic behind -Xsafepoint-timeout=ms (HotSpot's SafepointTimeout): when a pause has waited that long,
 * says for every thread still running where it is — its guest frame and its host stack (in an intrinsic, in
 * class loading, in the interpreter) — and, once the pause is reached, how the late threads spent the wait: on
 * a CPU or waiting on a run queue (descheduled), from the kernel's /proc/.../schedstat. Costs nothing when off.
 */
final class SafepointTimeout {
    private final Vm vm;
    /** Host OS thread id per guest thread, recorded by each thread itself (only it can read thread-self). */
    private final Map<VmThread, Integer> tids = new ConcurrentHashMap<>();
    private final List<Late> late = new ArrayList<>();

    private record Late(VmThread thread, long[] schedAtReport) {}

    SafepointTimeout(Vm vm) {
        this.vm = vm;
    }

    /** Called on the thread itself whenever it starts running. */
    void noteThread(VmThread t) {
        if (!tids.containsKey(t)) {
            try {
                String link = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
                tids.put(t, Integer.parseInt(link.substring(link.lastIndexOf('/') + 1)));
            } catch (IOException | RuntimeException e) {
                tids.put(t, -1); // not Linux or no procfs: report stacks without scheduling figures
            }
        }
    }

    /** The pause that began at {@code begin} still waits for these threads. */
    void report(List<VmThread> running, long begin) {
        StringBuilder sb = new StringBuilder();
        for (VmThread t : running) {
            long[] sched = schedstat(t); // before the host stack trace, which makes the host JVM handshake
            sb.append(String.format(Locale.ROOT, "Timeout: thread \"%s\" not at safepoint after %.2f ms, guest %s%n",
                    t.name, (System.nanoTime() - begin) / 1e6, guestFrame(t)));
            Thread host = t.host;
            StackTraceElement[] trace = host == null ? new StackTraceElement[0] : host.getStackTrace();
            for (int i = 0; i < Math.min(trace.length, 8); i++) {
                sb.append("    at ").append(trace[i]).append(System.lineSeparator());
            }
            late.add(new Late(t, sched));
        }
        log(sb.toString().stripTrailing());
    }

    /** The pause is reached: how the late threads spent the time from the report until they stopped. */
    void reached() {
        for (Late l : late) {
            long[] now = schedstat(l.thread());
            if (now != null && l.schedAtReport() != null) {
                log(String.format(Locale.ROOT, "Timeout: thread \"%s\" then ran %.2f ms and waited for a CPU %.2f ms before it stopped",
                        l.thread().name, (now[0] - l.schedAtReport()[0]) / 1e6, (now[1] - l.schedAtReport()[1]) / 1e6));
            }
        }
        late.clear();
    }

    /** {run ns, run-queue wait ns} of the thread, or null if unknown. */
    private long[] schedstat(VmThread t) {
        Integer tid = tids.get(t);
        if (tid == null || tid < 0) {
            return null;
        }
        try {
            String[] f = Files.readString(Path.of("/proc/self/task/" + tid + "/schedstat")).trim().split(" ");
            return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private String guestFrame(VmThread t) {
        int d = t.depth;
        if (d <= 0 || d >= t.frameMethodIds.length) {
            return "(no frame)";
        }
        return vm.classes.method(t.frameMethodIds[d]) + " pc " + t.framePcs[d];
    }

    private void log(String s) {
        if (vm.safepointLog.enabled()) {
            vm.safepointLog.line("safepoint", s);
        } else {
            vm.err.println("[safepoint] " + s);
        }
    }
}
