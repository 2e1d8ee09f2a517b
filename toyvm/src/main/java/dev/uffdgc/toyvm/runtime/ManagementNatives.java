package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * java.lang.management's natives (HotSpot's libmanagement, and of libmanagement_ext the operating-system figures),
 * so that the JDK's own ManagementFactory, sun.management and com.sun.management.internal beans run. Figures come
 * from toyvm: the heap (one pool, {@code sun.management.VmMemoryBeans} in the guest library builds the beans), the
 * collector installed when asked (its count, and the pauses every collector reports to the GC log's total), the
 * guest threads (their allocated bytes: heap.Mutator). Guest threads are host threads and the guest runs in the host's process, so thread and process
 * CPU times, memory and descriptor counts are the host's own figures for the same threads and process. What is
 * not here (thread dumps' ThreadInfo, GC notifications and GcInfo, usage thresholds, the HotSpot-internal beans,
 * diagnostic commands) fails at its first call naming its native (Intrinsics).
 */
final class ManagementNatives {
    private static final String VMM = "sun/management/VMManagementImpl";
    private static final String BEANS = "sun/management/VmMemoryBeans";
    private final Vm vm;
    private final ThreadMXBean hostThreads = ManagementFactory.getThreadMXBean();
    /** Wall-clock time of the VM's start, for RuntimeMXBean.getStartTime (its uptime is the VM's own clock). */
    private final long startMillis;
    private volatile boolean threadCpuTimeEnabled = true;
    private volatile boolean threadAllocatedMemoryEnabled = true;

    private ManagementNatives(Vm vm) {
        this.vm = vm;
        this.startMillis = System.currentTimeMillis() - vm.uptimeNanos() / 1_000_000;
    }

    static void register(Vm vm, Intrinsics r) {
        new ManagementNatives(vm).registerAll(r);
    }

    private void registerAll(Intrinsics r) {
        // JMM_VERSION 4.0, HotSpot's answer; the optional features toyvm has (thread CPU time: host threads).
        r.add(VMM, "getVersion0()Ljava/lang/String;", (t, b) -> t.refs[b] = vm.strings.newString(t, "4.0"));
        r.add(VMM, "initOptionalSupportFields()V", (t, b) -> {
            VmClass c = vm.classes.load(VMM);
            vm.statics.prims[c.fields.get("currentThreadCpuTimeSupport").offset] = 1;
            vm.statics.prims[c.fields.get("otherThreadCpuTimeSupport").offset] = 1;
            vm.statics.prims[c.fields.get("threadAllocatedMemorySupport").offset] = 1;
        });
        r.add(VMM, "isThreadContentionMonitoringEnabled()Z", (t, b) -> t.prims[b] = 0);
        r.add(VMM, "isThreadCpuTimeEnabled()Z", (t, b) -> t.prims[b] = threadCpuTimeEnabled ? 1 : 0);
        r.add(VMM, "isThreadAllocatedMemoryEnabled()Z", (t, b) -> t.prims[b] = threadAllocatedMemoryEnabled ? 1 : 0);
        r.add(VMM, "getTotalClassCount()J", (t, b) -> t.prims[b] = vm.classes.classCount());
        r.add(VMM, "getUnloadedClassCount()J", (t, b) -> t.prims[b] = 0); // toyvm never unloads a class
        r.add(VMM, "getVerboseClass()Z", (t, b) -> t.prims[b] = 0);
        r.add(VMM, "getVerboseGC()Z", (t, b) -> t.prims[b] = vm.gcLog.enabled() ? 1 : 0);
        r.add(VMM, "getProcessId()I", (t, b) -> t.prims[b] = ProcessHandle.current().pid());
        r.add(VMM, "getVmArguments0()[Ljava/lang/String;",
                (t, b) -> t.refs[b] = vm.strings.newStringArray(t, vm.options.inputArguments.toArray(String[]::new)));
        r.add(VMM, "getStartupTime()J", (t, b) -> t.prims[b] = startMillis);
        r.add(VMM, "getUptime0()J", (t, b) -> t.prims[b] = vm.uptimeNanos() / 1_000_000);
        r.add(VMM, "getAvailableProcessors()I", (t, b) -> t.prims[b] = Runtime.getRuntime().availableProcessors());
        r.add(VMM, "getTotalThreadCount()J", (t, b) -> t.prims[b] = vm.guestThreads.startedCount());
        r.add(VMM, "getLiveThreadCount()I", (t, b) -> t.prims[b] = vm.threads.size());
        r.add(VMM, "getPeakThreadCount()I", (t, b) -> t.prims[b] = vm.guestThreads.peakCount());
        r.add(VMM, "getDaemonThreadCount()I",
                (t, b) -> t.prims[b] = (int) vm.threads.stream().filter(x -> x.daemon).count());

        String memory = "sun/management/MemoryImpl";
        forward(r, memory, "getMemoryPools0()[Ljava/lang/management/MemoryPoolMXBean;",
                "pools()[Ljava/lang/management/MemoryPoolMXBean;", 0);
        forward(r, memory, "getMemoryManagers0()[Ljava/lang/management/MemoryManagerMXBean;",
                "managers()[Ljava/lang/management/MemoryManagerMXBean;", 0);
        forward(r, memory, "getMemoryUsage0(Z)Ljava/lang/management/MemoryUsage;",
                "usage(Lsun/management/MemoryImpl;Z)Ljava/lang/management/MemoryUsage;", 2);
        String pool = "sun/management/MemoryPoolImpl";
        String usage = "(Lsun/management/MemoryPoolImpl;)Ljava/lang/management/MemoryUsage;";
        forward(r, pool, "getUsage0()Ljava/lang/management/MemoryUsage;", "poolUsage" + usage, 1);
        forward(r, pool, "getPeakUsage0()Ljava/lang/management/MemoryUsage;", "peakUsage" + usage, 1);
        forward(r, pool, "getCollectionUsage0()Ljava/lang/management/MemoryUsage;", "collectionUsage" + usage, 1);
        forward(r, pool, "resetPeakUsage0()V", "resetPeak(Lsun/management/MemoryPoolImpl;)V", 1);
        forward(r, pool, "getMemoryManagers0()[Ljava/lang/management/MemoryManagerMXBean;",
                "poolManagers(Lsun/management/MemoryPoolImpl;)[Ljava/lang/management/MemoryManagerMXBean;", 1);
        forward(r, "sun/management/MemoryManagerImpl", "getMemoryPools0()[Ljava/lang/management/MemoryPoolMXBean;",
                "managerPools(Lsun/management/MemoryManagerImpl;)[Ljava/lang/management/MemoryPoolMXBean;", 1);
        r.add(BEANS, "heapUsed()J", (t, b) -> t.prims[b] = vm.heap.used());
        r.add(BEANS, "heapCapacity()J", (t, b) -> t.prims[b] = vm.heap.capacity());
        r.add(BEANS, "peakUsed()J", (t, b) -> t.prims[b] = vm.heapUsage.peak());
        r.add(BEANS, "usedAfterCollection()J", (t, b) -> t.prims[b] = vm.heapUsage.afterCollection());
        r.add(BEANS, "resetPeak0()V", (t, b) -> vm.heapUsage.resetPeak(vm.heap.used()));
        r.add(BEANS, "collectorName()Ljava/lang/String;",
                (t, b) -> t.refs[b] = vm.strings.newString(t, vm.collector().name()));

        // The collector installed now (the built-in one, or the agent's once it is installed); the time is the
        // pauses' total, which every collector reports to the GC log (HotSpot's stop-the-world collectors count
        // their pauses too; its concurrent ones count cycles).
        String gc = "sun/management/GarbageCollectorImpl";
        r.add(gc, "getCollectionCount()J", (t, b) -> t.prims[b] = vm.collector().collections());
        r.add(gc, "getCollectionTime()J", (t, b) -> t.prims[b] = vm.gcLog.totalPauseNanos() / 1_000_000);

        registerThreads(r);
        registerOperatingSystem(r);
    }

    private void registerThreads(Intrinsics r) {
        String ti = "sun/management/ThreadImpl";
        // Thread.getAllThreads: the platform threads alive, as HotSpot's ThreadsListEnumerator (no virtual ones).
        r.add(ti, "getThreads()[Ljava/lang/Thread;", (t, b) -> {
            VmClass c = vm.classes.load("java/lang/Thread");
            t.sp = b;
            vm.interp.call(t, c.methods.get("getAllThreads()[Ljava/lang/Thread;"));
        });
        r.add(ti, "getThreadTotalCpuTime0(J)J", (t, b) -> t.prims[b] = cpuTime(t.prims[b], false));
        r.add(ti, "getThreadUserCpuTime0(J)J", (t, b) -> t.prims[b] = cpuTime(t.prims[b], true));
        r.add(ti, "getThreadTotalCpuTime1([J[J)V", (t, b) -> perId(t.refs[b], t.refs[b + 1], id -> cpuTime(id, false)));
        r.add(ti, "getThreadUserCpuTime1([J[J)V", (t, b) -> perId(t.refs[b], t.refs[b + 1], id -> cpuTime(id, true)));
        r.add(ti, "setThreadCpuTimeEnabled0(Z)V", (t, b) -> threadCpuTimeEnabled = t.prims[b] != 0);
        r.add(ti, "resetPeakThreadCount0()V", (t, b) -> vm.guestThreads.resetPeak());
        // Allocated bytes per thread (com.sun.management.ThreadMXBean, JMH's gc profiler): the allocator's count
        // (heap.Mutator, TLAB refills as HotSpot counts them); -1 for an id not alive.
        r.add(ti, "getThreadAllocatedMemory0(J)J", (t, b) -> t.prims[b] = allocated(t, t.prims[b]));
        r.add(ti, "getThreadAllocatedMemory1([J[J)V", (t, b) -> perId(t.refs[b], t.refs[b + 1], id -> allocated(t, id)));
        r.add(ti, "getTotalThreadAllocatedMemory()J", (t, b) -> t.prims[b] = threadAllocatedMemoryEnabled
                ? vm.heap.allocatedBytes() : -1);
        r.add(ti, "setThreadAllocatedMemoryEnabled0(Z)V", (t, b) -> threadAllocatedMemoryEnabled = t.prims[b] != 0);
    }

    private long allocated(VmThread self, long id) {
        if (!threadAllocatedMemoryEnabled) {
            return -1;
        }
        VmThread t = id == 0 ? self : thread(id);
        return t == null ? -1 : t.allocatedBytes();
    }

    /** The live guest thread whose Thread has id {@code id}, or null. */
    private VmThread thread(long id) {
        long tidOffset = vm.classes.load("java/lang/Thread").fields.get("tid").offset;
        for (VmThread t : vm.threads) {
            if (t.guestThread != 0 && vm.mem.getLong(ObjectLayout.offset(t.guestThread) + tidOffset) == id) {
                return t;
            }
        }
        return null;
    }

    /**
     * The CPU time of guest thread {@code id} (0: the caller), in ns; -1 for a thread not alive (or not found), as
     * HotSpot. A guest thread is a host thread: the host's figure for it.
     */
    private long cpuTime(long id, boolean user) {
        if (!threadCpuTimeEnabled) {
            return -1;
        }
        if (id == 0) {
            return user ? hostThreads.getCurrentThreadUserTime() : hostThreads.getCurrentThreadCpuTime();
        }
        VmThread t = thread(id);
        Thread host = t == null ? null : t.host;
        if (host == null) {
            return -1;
        }
        return user ? hostThreads.getThreadUserTime(host.threadId()) : hostThreads.getThreadCpuTime(host.threadId());
    }

    /** The natives taking thread ids and a result array of the same length: {@code figure} of each id. */
    private void perId(int ids, int result, java.util.function.LongUnaryOperator figure) {
        long idsAt = ObjectLayout.offset(ids) + ObjectLayout.ARRAY_BASE_OFFSET;
        long resultAt = ObjectLayout.offset(result) + ObjectLayout.ARRAY_BASE_OFFSET;
        int n = vm.mem.getInt(ObjectLayout.offset(ids) + ObjectLayout.ARRAY_LENGTH_OFFSET);
        for (int i = 0; i < n; i++) {
            vm.mem.putLong(resultAt + 8L * i, figure.applyAsLong(vm.mem.getLong(idsAt + 8L * i)));
        }
    }

    /**
     * com.sun.management's OperatingSystemMXBean (libmanagement_ext): the guest runs in this process, so the
     * host's bean answers for it. initialize0 sets up what the C code caches; the host's bean has its own.
     */
    private void registerOperatingSystem(Intrinsics r) {
        String os = "com/sun/management/internal/OperatingSystemImpl";
        var host = (com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        r.add(os, "initialize0()V", (t, b) -> { });
        // The JDK's container metrics (cgroups) are left to the host's bean, which applies them to the figures
        // below: the guest's OperatingSystemImpl takes the natives' figures when container support is off.
        r.add("jdk/internal/platform/CgroupMetrics", "isUseContainerSupport()Z", (t, b) -> t.prims[b] = 0);
        r.add(os, "getCommittedVirtualMemorySize0()J", (t, b) -> t.prims[b] = host.getCommittedVirtualMemorySize());
        r.add(os, "getFreeMemorySize0()J", (t, b) -> t.prims[b] = host.getFreeMemorySize());
        r.add(os, "getFreeSwapSpaceSize0()J", (t, b) -> t.prims[b] = host.getFreeSwapSpaceSize());
        r.add(os, "getMaxFileDescriptorCount0()J", (t, b) -> t.prims[b] = host.getMaxFileDescriptorCount());
        r.add(os, "getOpenFileDescriptorCount0()J", (t, b) -> t.prims[b] = host.getOpenFileDescriptorCount());
        r.add(os, "getProcessCpuTime0()J", (t, b) -> t.prims[b] = host.getProcessCpuTime());
        r.add(os, "getProcessCpuLoad0()D", (t, b) -> t.prims[b] = Double.doubleToRawLongBits(host.getProcessCpuLoad()));
        r.add(os, "getCpuLoad0()D", (t, b) -> t.prims[b] = Double.doubleToRawLongBits(host.getCpuLoad()));
        r.add(os, "getTotalMemorySize0()J", (t, b) -> t.prims[b] = host.getTotalMemorySize());
        r.add(os, "getTotalSwapSpaceSize0()J", (t, b) -> t.prims[b] = host.getTotalSwapSpaceSize());
    }

    /**
     * A native whose work is guest Java in {@code sun.management.VmMemoryBeans}: the static method {@code helper}
     * takes the native's arguments ({@code this} first for an instance method: {@code argSlots} in all) and its
     * result is the native's.
     */
    private void forward(Intrinsics r, String owner, String nameAndDescriptor, String helper, int argSlots) {
        r.add(owner, nameAndDescriptor, (t, b) -> {
            VmClass c = vm.classes.load(BEANS);
            vm.init.initialize(t, c);
            t.sp = b + argSlots;
            vm.interp.call(t, c.methods.get(helper));
        });
    }
}
