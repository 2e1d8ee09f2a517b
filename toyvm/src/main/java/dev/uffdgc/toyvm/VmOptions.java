package dev.uffdgc.toyvm;

import dev.uffdgc.toyvm.thread.VmThread;
import java.nio.file.Path;

/**
 * What the CLI (or a test) configures. {@link #DEFAULT_HEAP_BYTES} is the heap without -Xmx: 64 MiB, small
 * enough that sample programs collect and large enough for a workload like binary trees of depth 16.
 */
public final class VmOptions {
    public static final long DEFAULT_HEAP_BYTES = 64L << 20;

    public long heapBytes = DEFAULT_HEAP_BYTES;
    public String classPath = ".";
    /** The flags as given, less the class path (RuntimeMXBean.getInputArguments, as HotSpot's leaves out -cp). */
    public final java.util.List<String> inputArguments = new java.util.ArrayList<>();
    /** {@code -Dkey=value}: the guest's system properties over the VM's own (SystemNatives). */
    public final java.util.Map<String, String> systemProperties = new java.util.LinkedHashMap<>();
    /** {@code -ea}, {@code -da}, {@code -esa}, {@code -dsa} and their forms with a package or class. */
    public final Assertions assertions = new Assertions();
    /**
     * The heap 2 MiB-aligned and advised MADV_HUGEPAGE (see {@link dev.uffdgc.toyvm.heap.Heap#Heap(long, boolean)});
     * -XX:-UseTransparentHugePages or -Dtoyvm.thp=false: 4 KiB pages only.
     */
    public boolean hugePages = !"false".equals(System.getProperty("toyvm.thp"));
    /** Unified-logging gc output: null = off; "-" = stdout (like -Xlog:gc); otherwise a file. */
    public String gcLog;
    /** Unified-logging safepoint output (-Xlog:safepoint): null = off; "-" = stdout; otherwise a file. */
    public String safepointLog;
    /** TLAB size in bytes; 0 = derived from the heap size. */
    public long tlabBytes;
    /** Verify the heap (graph hash + structure) around every collection. Also -Dtoyvm.verifyGC=true. */
    public boolean verifyGc = Boolean.getBoolean("toyvm.verifyGC");
    /** GC-stress: collect after every this many bytes of allocation (0 = only when the heap is full). */
    public long gcStressBytes;
    /** -Xsafepoint-timeout=ms (HotSpot's SafepointTimeoutDelay): log where threads are that a pause waits longer for; 0 = off. */
    public long safepointTimeoutMillis;
    /**
     * The compiler tier (dev.uffdgc.toyvm.jit): false = everything interpreted (-Xint, or -Dtoyvm.jit=false).
     */
    public boolean jit = !"false".equals(System.getProperty("toyvm.jit"));
    /**
     * Invocations before a method is compiled (-Xjit-threshold=n; -Xcomp = 1); a loop moves to compiled code
     * after {@link #JIT_BACKEDGE_FACTOR} times as many backward branches. Also -Dtoyvm.jitThreshold=n.
     */
    public int jitThreshold = Integer.getInteger("toyvm.jitThreshold", 500);
    public static final int JIT_BACKEDGE_FACTOR = 20;
    /** -Xlog:jit: one line per compilation on stderr. */
    public boolean logJit;
    public int maxDepth = VmThread.DEFAULT_MAX_DEPTH;
    public int stackSlots = VmThread.DEFAULT_STACK_SLOTS;

    /** Parses a size like 64m, 1g, 512k or 65536 (bytes); IllegalArgumentException when it is none. */
    public static long parseSize(String s) {
        return parseSize(s, s);
    }

    /** {@link #parseSize(String)}; the message names {@code flag}, the option the size came with. */
    public static long parseSize(String s, String flag) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("missing size in " + flag);
        }
        char unit = Character.toLowerCase(s.charAt(s.length() - 1));
        long mult = switch (unit) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = mult == 1 ? s : s.substring(0, s.length() - 1);
        try {
            long v = Long.parseLong(digits) * mult;
            if (v <= 0) {
                throw new IllegalArgumentException("size must be positive in " + flag);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad size '" + s + "' in " + flag);
        }
    }

    public Path gcLogPath() {
        return gcLog == null || gcLog.equals("-") ? null : Path.of(gcLog);
    }
}
