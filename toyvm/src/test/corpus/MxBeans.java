import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * What a GC benchmark prints around its work: Runtime's memory figures (toyvm answers them from its heap), then
 * the collectors' counts and the heap usage through java.lang.management's MXBeans. Printed as properties that
 * hold on any JVM, so that the output compares with HotSpot's. A known gap: toyvm does not run the JDK's
 * libmanagement, and says so naming java.lang.management.
 */
public class MxBeans {
    public static void main(String[] args) {
        Runtime rt = Runtime.getRuntime();
        List<int[]> garbage = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            garbage.add(new int[64]);
            if (garbage.size() > 100) {
                garbage.clear();
            }
        }
        System.gc();
        System.out.println("max >= total: " + (rt.maxMemory() >= rt.totalMemory()) + ", free <= total: "
                + (rt.freeMemory() <= rt.totalMemory()));
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
        }
        System.out.println("collections after System.gc(): " + (count >= 1));
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.println("heap used <= committed: " + (heap.getUsed() <= heap.getCommitted()));
        System.out.println("uptime >= 0: " + (ManagementFactory.getRuntimeMXBean().getUptime() >= 0));
    }
}
