import java.lang.management.ClassLoadingMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * What a GC benchmark harness prints around its work, modelled on the GC-statistics helpers of public benchmark
 * runners (a "GcStats"/"GCStatsUtil" class summing getCollectionCount/getCollectionTime over
 * ManagementFactory.getGarbageCollectorMXBeans(), skipping -1s) and on JVM-info printers (heap usage, uptime, input
 * arguments, "pid@host", thread CPU time). Bean names, sizes and times differ between JVMs (and between toyvm's
 * collectors), so what is printed is what holds on any JVM: counts that grow across System.gc(), usage invariants,
 * CPU time that grows with work, names that agree with each other.
 */
public class MxBeans {
    static long[] gcTotals() {
        long count = 0;
        long time = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getCollectionCount() >= 0) {
                count += gc.getCollectionCount();
            }
            if (gc.getCollectionTime() >= 0) {
                time += gc.getCollectionTime();
            }
        }
        return new long[] {count, time};
    }

    static boolean consistent(MemoryUsage u) {
        return u.getUsed() >= 0 && u.getUsed() <= u.getCommitted() && (u.getMax() < 0 || u.getCommitted() <= u.getMax());
    }

    public static void main(String[] args) {
        Runtime rt = Runtime.getRuntime();
        long[] before = gcTotals();
        List<int[]> garbage = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            garbage.add(new int[64]);
            if (garbage.size() > 100) {
                garbage.clear();
            }
        }
        System.gc();
        long[] after = gcTotals();
        System.out.println("max >= total: " + (rt.maxMemory() >= rt.totalMemory()) + ", free <= total: "
                + (rt.freeMemory() <= rt.totalMemory()));
        System.out.println("collections grew across System.gc(): " + (after[0] > before[0])
                + ", time did not shrink: " + (after[1] >= before[1]));

        List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        List<String> heapPools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
                if (!consistent(pool.getUsage()) || pool.getPeakUsage().getUsed() < 0) {
                    System.out.println("inconsistent pool " + pool.getName());
                }
            }
        }
        boolean managed = true;
        for (GarbageCollectorMXBean gc : gcs) {
            for (String name : gc.getMemoryPoolNames()) {
                managed &= ManagementFactory.getMemoryPoolMXBeans().stream().anyMatch(p -> p.getName().equals(name));
            }
            managed &= gc.isValid() && gc.getObjectName().toString().equals("java.lang:type=GarbageCollector,name="
                    + gc.getName());
        }
        System.out.println("collectors: " + !gcs.isEmpty() + ", heap pools: " + !heapPools.isEmpty()
                + ", every collector's pools exist and names agree: " + managed);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        MemoryUsage heap = memory.getHeapMemoryUsage();
        System.out.println("heap used <= committed <= max: " + consistent(heap) + ", non-heap consistent: "
                + consistent(memory.getNonHeapMemoryUsage()));

        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        String name = runtime.getName();
        System.out.println("uptime >= 0: " + (runtime.getUptime() >= 0) + ", started in the past: "
                + (runtime.getStartTime() <= System.currentTimeMillis()) + ", name is pid@host: "
                + name.startsWith(runtime.getPid() + "@") + ", pid is this process: "
                + (runtime.getPid() == ProcessHandle.current().pid()) + ", arguments listed: "
                + (runtime.getInputArguments() != null));

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads.isCurrentThreadCpuTimeSupported()) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long sum = 0;
            for (int i = 0; i < 3_000_000; i++) {
                sum += i % 7;
            }
            long cpu1 = threads.getCurrentThreadCpuTime();
            System.out.println("thread CPU time grew with work: " + (cpu1 > cpu0) + " (" + (sum > 0) + "), own id's "
                    + "time as large: " + (threads.getThreadCpuTime(Thread.currentThread().threadId()) >= cpu1)
                    + ", user <= total: " + (threads.getCurrentThreadUserTime() <= threads.getCurrentThreadCpuTime()));
        }
        if (threads instanceof com.sun.management.ThreadMXBean ext && ext.isThreadAllocatedMemorySupported()) {
            // What JMH's gc profiler reads: bytes allocated by a thread, which grow at least by what it allocates.
            long id = Thread.currentThread().threadId();
            long allocBefore = ext.getCurrentThreadAllocatedBytes();
            List<int[]> kept = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                kept.add(new int[256]);
                if (kept.size() > 50) {
                    kept.clear();
                }
            }
            long allocAfter = ext.getThreadAllocatedBytes(id);
            long[] worker = new long[2];
            Thread t = new Thread(() -> {
                worker[0] = ext.getCurrentThreadAllocatedBytes();
                byte[][] chunks = new byte[64][];
                for (int i = 0; i < chunks.length; i++) {
                    chunks[i] = new byte[8192];
                }
                worker[1] = ext.getCurrentThreadAllocatedBytes();
                worker[0] -= chunks[chunks.length - 1].length - 8192;
            });
            t.start();
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            System.out.println("allocated bytes grew by the 1 MiB allocated: " + (allocAfter - allocBefore >= 1000 * 1024)
                    + ", a thread's own 512 KiB: " + (worker[1] - worker[0] >= 64 * 8192) + ", total >= own: "
                    + (ext.getTotalThreadAllocatedBytes() >= allocAfter) + ", dead id: "
                    + ext.getThreadAllocatedBytes(Long.MAX_VALUE));
        }
        boolean mainListed = false;
        for (long id : threads.getAllThreadIds()) {
            mainListed |= id == Thread.currentThread().threadId();
        }
        System.out.println("threads alive >= 1: " + (threads.getThreadCount() >= 1) + ", peak >= alive: "
                + (threads.getPeakThreadCount() >= threads.getThreadCount()) + ", main listed: " + mainListed
                + ", dead id's CPU time: " + threads.getThreadCpuTime(Long.MAX_VALUE));

        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        System.out.println("classes loaded > 100: " + (classes.getLoadedClassCount() > 100) + ", total >= loaded: "
                + (classes.getTotalLoadedClassCount() >= classes.getLoadedClassCount()));
        System.out.println("processors agree: " + (ManagementFactory.getOperatingSystemMXBean().getAvailableProcessors()
                == rt.availableProcessors()));
    }
}
