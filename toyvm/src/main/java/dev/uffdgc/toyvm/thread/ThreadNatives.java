package dev.uffdgc.toyvm.thread;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.heap.Barrier;
import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.runtime.Intrinsics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Natives of the guestlib java.lang.Thread and Object's monitor methods, plus park/unpark (for
 * jdk.internal.misc.Unsafe). A guest Thread object maps to its VmThread by its thread id while alive.
 */
public final class ThreadNatives {
    private final Vm vm;
    private final HeapAccess mem;
    private final ConcurrentHashMap<Long, VmThread> byTid = new ConcurrentHashMap<>();
    private volatile int aliveOff = -1;
    private int startedOff;
    private int nameOff;
    private int daemonOff;
    private int tidOff;
    private int interruptedOff;

    public ThreadNatives(Vm vm) {
        this.vm = vm;
        this.mem = vm.mem;
    }

    private void link() {
        if (aliveOff < 0) {
            VmClass c = vm.classes.load("java/lang/Thread");
            startedOff = c.findField("started").offset;
            nameOff = c.findField("name").offset;
            daemonOff = c.findField("daemon").offset;
            tidOff = c.findField("tid").offset;
            interruptedOff = c.findField("interrupted").offset;
            aliveOff = c.findField("alive").offset;
        }
    }

    public void register(Intrinsics r) {
        String o = "java/lang/Object";
        r.add(o, "wait(J)V", (t, b) -> {
            long millis = t.prims[b + 1];
            if (millis < 0) {
                throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", "timeout value is negative");
            }
            vm.monitors.await(t, t.refs[b], millis);
        });
        r.add(o, "notify()V", (t, b) -> vm.monitors.notify(t, t.refs[b], false));
        r.add(o, "notifyAll()V", (t, b) -> vm.monitors.notify(t, t.refs[b], true));
        String th = "java/lang/Thread";
        r.add(th, "currentThread()Ljava/lang/Thread;", (t, b) -> t.refs[b] = t.guestThread);
        r.add(th, "start0()V", (t, b) -> start(t, t.refs[b]));
        r.add(th, "sleep0(J)V", (t, b) -> sleep(t, t.prims[b]));
        r.add(th, "yield()V", (t, b) -> Thread.yield());
        r.add(th, "interrupt0()V", (t, b) -> {
            VmThread target = byTid.get(mem.getLong(ObjectLayout.offset(t.refs[b]) + tidOff));
            if (target != null) {
                interrupt(target);
            }
        });
        r.add(th, "interrupted()Z", (t, b) -> t.prims[b] = consume(t) ? 1 : 0);
        r.add(th, "isInterrupted()Z", (t, b) -> {
            VmThread target = byTid.get(mem.getLong(ObjectLayout.offset(t.refs[b]) + tidOff));
            t.prims[b] = target != null ? (target.interrupted ? 1 : 0) : mem.getByte(ObjectLayout.offset(t.refs[b]) + interruptedOff);
        });
        r.add(th, "getThreads()[Ljava/lang/Thread;", this::allThreads);
        // toyvm has no continuations (a thread's frames cannot be unmounted and resumed elsewhere): answering
        // false makes the JDK's Thread.ofVirtual() build BoundVirtualThreads, each on a platform thread of its
        // own, as HotSpot does with -XX:-VMContinuations.
        r.add("jdk/internal/vm/ContinuationSupport", "isSupported0()Z", (t, b) -> t.prims[b] = 0);
        // java.lang.VirtualThread still initialises (StackWalker asks it for its continuation scope in a virtual
        // thread, as on HotSpot without continuations), and its initialiser starts the "VirtualThread-unblocker"
        // daemon, which takes the virtual threads a monitor exit made runnable. Without continuations no virtual
        // thread ever unmounts to wait for a monitor, so the list stays empty: the daemon waits until the VM exits.
        r.add("java/lang/VirtualThread", "registerNatives()V", (t, b) -> { });
        r.add("java/lang/VirtualThread", "takeVirtualThreadListToUnblock()Ljava/lang/VirtualThread;", (t, b) -> {
            vm.safepoints.block(t);
            try {
                while (!vm.safepoints.exiting()) {
                    try {
                        TimeUnit.DAYS.sleep(1);
                    } catch (InterruptedException e) {
                        // a guest interrupt (HotSpot's wait ignores them too) or the VM exiting (checked by the loop)
                    }
                }
            } finally {
                vm.safepoints.unblock(t); // unwinds the thread: the VM is exiting
            }
        });
        r.add(th, "holdsLock(Ljava/lang/Object;)Z", (t, b) -> {
            if (t.refs[b] == 0) {
                throw vm.throwing.raise(t, "java/lang/NullPointerException", null);
            }
            t.prims[b] = vm.monitors.holds(t, t.refs[b]) ? 1 : 0;
        });
    }

    /**
     * The Thread objects of the listed (started, not ended) guest threads. A thread that leaves the list while
     * the array is allocated (a collection may run then) would leave a stale reference: the list is counted again
     * after the allocation, with no poll until the stores, and the allocation retried if it changed.
     */
    private void allThreads(VmThread t, int b) {
        VmClass arrayClass = vm.classes.load("[Ljava/lang/Thread;");
        while (true) {
            int n = liveThreads().size();
            int h = t.pushHandle(vm.alloc.array(t, arrayClass, n));
            List<VmThread> live = liveThreads();
            if (live.size() == n) {
                for (int i = 0; i < n; i++) {
                    Barrier.putRef(mem, ObjectLayout.offset(t.handle(h)) + ARRAY_BASE_OFFSET + 4L * i, live.get(i).guestThread);
                }
                t.refs[b] = t.handle(h);
                t.popHandles(h);
                return;
            }
            t.popHandles(h);
        }
    }

    private List<VmThread> liveThreads() {
        List<VmThread> live = new ArrayList<>();
        for (VmThread v : vm.threads) {
            if (v.guestThread != 0) {
                live.add(v);
            }
        }
        return live;
    }

    private boolean consume(VmThread t) {
        boolean was = t.interrupted;
        t.interrupted = false;
        mem.putByte(ObjectLayout.offset(t.guestThread) + interruptedOff, (byte) 0);
        return was;
    }

    /** Makes the main thread's java.lang.Thread object (guest code) and marks it started and alive. */
    public void createMainThread(VmThread t) {
        createVmThread(t, "vmMainThread");
    }

    /** Gives the main thread the system class loader as its context loader (Thread.vmMainContextLoader). */
    public void setMainContextLoader(VmThread t) {
        VmClass c = vm.classes.load("java/lang/Thread");
        vm.interp.call(t, c.methods.get("vmMainContextLoader()V"));
    }

    /** Makes the Thread object of the thread that runs the shutdown hooks when the last non-daemon thread ends. */
    public void createDestroyJavaVmThread(VmThread t) {
        createVmThread(t, "vmDestroyJavaVm");
    }

    private void createVmThread(VmThread t, String factory) {
        link();
        VmClass c = vm.classes.load("java/lang/Thread");
        vm.init.initialize(t, c);
        vm.interp.call(t, c.methods.get(factory + "()Ljava/lang/Thread;"));
        int obj = t.popRef();
        t.guestThread = obj;
        mem.putByte(ObjectLayout.offset(obj) + startedOff, (byte) 1);
        mem.putByte(ObjectLayout.offset(obj) + aliveOff, (byte) 1);
        byTid.put(mem.getLong(ObjectLayout.offset(obj) + tidOff), t);
    }

    private void start(VmThread t, int obj) {
        link();
        String name = vm.strings.toHost(mem.getInt(ObjectLayout.offset(obj) + nameOff));
        VmThread nt = new VmThread(name, vm.options.stackSlots, vm.options.maxDepth);
        nt.daemon = mem.getByte(ObjectLayout.offset(obj) + daemonOff) != 0;
        nt.interrupted = mem.getByte(ObjectLayout.offset(obj) + interruptedOff) != 0;
        nt.guestThread = obj;
        mem.putByte(ObjectLayout.offset(obj) + aliveOff, (byte) 1);
        byTid.put(mem.getLong(ObjectLayout.offset(obj) + tidOff), nt);
        vm.guestThreads.start(nt);
    }

    /** Thread end: alive = false and notifyAll under the Thread's monitor (what join waits for). */
    public void markDead(VmThread t) {
        link();
        byTid.remove(mem.getLong(ObjectLayout.offset(t.guestThread) + tidOff));
        vm.monitors.enter(t, t.guestThread);
        mem.putByte(ObjectLayout.offset(t.guestThread) + aliveOff, (byte) 0);
        vm.monitors.notify(t, t.guestThread, true);
        vm.monitors.exit(t, t.guestThread);
    }

    private void sleep(VmThread t, long nanos) {
        if (Monitors.consumeInterrupt(t)) {
            throw vm.throwing.raise(t, "java/lang/InterruptedException", "sleep interrupted");
        }
        vm.safepoints.block(t);
        try {
            long deadline = System.nanoTime() + nanos;
            for (long left = nanos; left > 0 && !t.interrupted; left = deadline - System.nanoTime()) {
                try {
                    TimeUnit.NANOSECONDS.sleep(left);
                } catch (InterruptedException e) {
                    // a guest interrupt (checked by the loop) or the VM exiting (unblock unwinds)
                    if (vm.safepoints.exiting()) {
                        break;
                    }
                }
            }
        } finally {
            vm.safepoints.unblock(t);
        }
        if (Monitors.consumeInterrupt(t)) {
            throw vm.throwing.raise(t, "java/lang/InterruptedException", "sleep interrupted");
        }
    }

    private void interrupt(VmThread target) {
        target.interrupted = true;
        synchronized (target.parkLock) {
            target.parkLock.notifyAll();
        }
        Thread h = target.host;
        if (h != null) {
            h.interrupt();
        }
    }

    /** Unsafe.park: returns at once with a permit or a pending interrupt; otherwise waits BLOCKED. */
    public void park(VmThread t, boolean absolute, long time) {
        synchronized (t.parkLock) {
            if (t.parkPermit) {
                t.parkPermit = false;
                return;
            }
        }
        if (t.interrupted) {
            return;
        }
        long deadline = absolute ? TimeUnit.MILLISECONDS.toNanos(time - System.currentTimeMillis()) + System.nanoTime()
                : System.nanoTime() + time;
        if (absolute ? time <= System.currentTimeMillis() : time < 0) {
            return;
        }
        vm.safepoints.block(t);
        try {
            synchronized (t.parkLock) {
                while (!t.parkPermit && !t.interrupted && !vm.safepoints.exiting()) {
                    long left = deadline - System.nanoTime();
                    if (time != 0 && left <= 0) {
                        break;
                    }
                    try {
                        if (time == 0 && !absolute) {
                            t.parkLock.wait();
                        } else {
                            TimeUnit.NANOSECONDS.timedWait(t.parkLock, left);
                        }
                    } catch (InterruptedException e) {
                        // woken: the loop re-checks why
                    }
                }
                t.parkPermit = false;
            }
        } finally {
            Thread.interrupted();
            vm.safepoints.unblock(t);
        }
    }

    /** Unsafe.unpark(thread object). */
    public void unpark(int threadObject) {
        if (threadObject == 0) {
            return;
        }
        link();
        VmThread target = byTid.get(mem.getLong(ObjectLayout.offset(threadObject) + tidOff));
        if (target != null) {
            synchronized (target.parkLock) {
                target.parkPermit = true;
                target.parkLock.notifyAll();
            }
        }
    }
}
