package sun.management;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryManagerMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.lang.reflect.Method;

/**
 * toyvm guest library (a patch of java.management): the objects HotSpot's libmanagement natives hand the JDK's own
 * sun.management classes (MemoryImpl, MemoryPoolImpl, MemoryManagerImpl), built here in Java, with the figures
 * coming from the VM (the natives below: toyvm's heap and the collector installed at the time of the call, the
 * built-in one or the agent's). toyvm's heap is one space, so there is one heap pool and one collector bean managing
 * it, made once (the JDK caches them in the beans, as HotSpot makes each once). toyvm keeps no guest data outside
 * its heap (classes, statics and code are the host's): no non-heap pool, and the non-heap usage is zero.
 */
final class VmMemoryBeans {
    /** The pool's name: the heap as one space (HotSpot names generations, "Eden Space", "Tenured Gen"...). */
    static final String HEAP_POOL = "toyvm heap";

    private static MemoryPoolMXBean heap;
    private static GarbageCollectorMXBean collector;

    private VmMemoryBeans() {
    }

    /** MemoryImpl.getMemoryPools0. */
    static synchronized MemoryPoolMXBean[] pools() {
        if (heap == null) {
            // No usage or collection threshold (-1: unsupported), as HotSpot's young pools.
            heap = new MemoryPoolImpl(HEAP_POOL, true, -1, -1);
        }
        return new MemoryPoolMXBean[] {heap};
    }

    /** MemoryImpl.getMemoryManagers0: the collector, as a com.sun.management bean where jdk.management is there. */
    static synchronized MemoryManagerMXBean[] managers() {
        if (collector == null) {
            collector = newCollectorBean(collectorName());
        }
        return new MemoryManagerMXBean[] {collector};
    }

    /** MemoryManagerImpl.getMemoryPools0: every manager manages the one heap pool. */
    static MemoryPoolMXBean[] managerPools(MemoryManagerImpl manager) {
        return pools();
    }

    /** MemoryPoolImpl.getMemoryManagers0. */
    static MemoryManagerMXBean[] poolManagers(MemoryPoolImpl pool) {
        return managers();
    }

    /** MemoryImpl.getMemoryUsage0. */
    static MemoryUsage usage(MemoryImpl memory, boolean isHeap) {
        return isHeap ? heapUsage(heapUsed()) : new MemoryUsage(0, 0, 0, -1);
    }

    /** MemoryPoolImpl.getUsage0. */
    static MemoryUsage poolUsage(MemoryPoolImpl pool) {
        return heapUsage(heapUsed());
    }

    /** MemoryPoolImpl.getPeakUsage0: the highest use seen (at a collection's start, or now). */
    static MemoryUsage peakUsage(MemoryPoolImpl pool) {
        return heapUsage(Math.max(peakUsed(), heapUsed()));
    }

    /** MemoryPoolImpl.getCollectionUsage0: what the last collection request left in use. */
    static MemoryUsage collectionUsage(MemoryPoolImpl pool) {
        return heapUsage(usedAfterCollection());
    }

    /** MemoryPoolImpl.resetPeakUsage0. */
    static void resetPeak(MemoryPoolImpl pool) {
        resetPeak0();
    }

    /** toyvm's heap is committed whole at start (one mapping of -Xmx): init = committed = max. */
    private static MemoryUsage heapUsage(long used) {
        long size = heapCapacity();
        return new MemoryUsage(size, Math.min(used, size), size, size);
    }

    /**
     * What HotSpot's MemoryManager does with jdk.management present: GarbageCollectorExtImpl.createGarbageCollector
     * (a com.sun.management.GarbageCollectorMXBean); without the module, the plain bean.
     */
    private static GarbageCollectorMXBean newCollectorBean(String name) {
        Class<?> ext;
        try {
            ext = Class.forName("com.sun.management.internal.GarbageCollectorExtImpl");
        } catch (ClassNotFoundException e) {
            return new GarbageCollectorImpl(name);
        }
        try {
            Method create = ext.getDeclaredMethod("createGarbageCollector", String.class, String.class);
            create.setAccessible(true);
            return (GarbageCollectorMXBean) create.invoke(null, name, "");
        } catch (ReflectiveOperationException e) {
            throw new InternalError(e);
        }
    }

    private static native long heapUsed();

    private static native long heapCapacity();

    private static native long peakUsed();

    private static native long usedAfterCollection();

    private static native void resetPeak0();

    private static native String collectorName();
}
