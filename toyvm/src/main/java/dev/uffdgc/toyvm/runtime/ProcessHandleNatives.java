package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.Vm;
import java.time.Instant;

/**
 * The JDK's own ProcessHandleImpl, as far as a program asks about processes rather than starting them:
 * {@code ProcessHandle.current().pid()} (RuntimeMXBean.getPid is built on it) and whether a pid is alive. The guest
 * runs in the host's process, so the host's figures are the guest's. toyvm starts no child processes (Runtime.exec
 * fails naming that), and the process tree natives (children, parent, destroy) fail naming themselves.
 */
final class ProcessHandleNatives {
    private ProcessHandleNatives() {
    }

    static void register(Vm vm, Intrinsics r) {
        String ph = "java/lang/ProcessHandleImpl";
        r.add(ph, "initNative()V", (t, b) -> { }); // the C code caches the clock tick and boot time
        r.add(ph, "getCurrentPid0()J", (t, b) -> t.prims[b] = ProcessHandle.current().pid());
        // The start time in ms since the epoch, 0 if unknown, -1 if no such process is alive (the C contract).
        r.add(ph, "isAlive0(J)J", (t, b) -> t.prims[b] = ProcessHandle.of(t.prims[b]).filter(ProcessHandle::isAlive)
                .map(h -> h.info().startInstant().map(Instant::toEpochMilli).orElse(0L)).orElse(-1L));
    }
}
