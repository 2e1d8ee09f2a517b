package dev.uffdgc.samples;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs one sample's main in this JVM and reports on stderr what it cost: wall time, bytes allocated by the
 * main thread (HotSpot's object sizes, compressed oops) and the collections it caused. Used by
 * {@link SampleStats}; run as {@code SampleProbe <MainClass> [args...]}.
 */
public final class SampleProbe {
    private SampleProbe() {}

    public static void main(String[] args) throws Exception {
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        String[] sampleArgs = Arrays.copyOfRange(args, 1, args.length);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long gcsBefore = collections();
        long bytesBefore = threads.getThreadAllocatedBytes(tid);
        long start = System.nanoTime();
        main.invoke(null, (Object) sampleArgs);
        long nanos = System.nanoTime() - start;
        long bytes = threads.getThreadAllocatedBytes(tid) - bytesBefore;
        System.err.printf("probe ms=%.1f allocated=%.1fMiB gcs=%d%n", nanos / 1e6, bytes / 1048576.0,
                collections() - gcsBefore);
    }

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += gc.getCollectionCount();
        }
        return n;
    }
}
