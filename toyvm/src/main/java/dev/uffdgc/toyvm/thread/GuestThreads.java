package dev.uffdgc.toyvm.thread;

import dev.uffdgc.toyvm.ExitStatus;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.interp.VmExit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Guest threads are host platform threads (with a deep stack), one per started java.lang.Thread. The VM ends
 * when the last non-daemon thread ends (HotSpot's DestroyJavaVM) or at the first System.exit, whose status
 * wins. The guest Thread object is reachable from its VmThread (a root) while the thread lives.
 */
public final class GuestThreads {
    private static final long HOST_STACK_BYTES = 1L << 30;
    /**
     * Test seam: runs on an ending thread just before it leaves the thread list (ThreadsTest requests a pause
     * from there to show that none can stop the world while the thread is still listed). A no-op otherwise.
     */
    public static volatile java.util.function.Consumer<VmThread> beforeLeaving = t -> { };
    private final Vm vm;
    private final ThreadLocal<VmThread> current = new ThreadLocal<>();
    private final AtomicLong ids = new AtomicLong(1);
    private final Object lifecycle = new Object();
    private int nonDaemon;
    private Integer exitStatus;
    /** Threads ever listed, and the most listed at once (ThreadMXBean's totals, runtime/ManagementNatives). */
    private long started;
    private int peak;

    public GuestThreads(Vm vm) {
        this.vm = vm;
    }

    /** The guest thread the calling host thread runs, or null for a host thread (e.g. a collector). */
    public VmThread current() {
        return current.get();
    }

    /** Guest threads started (or attached) since the VM started. */
    public long startedCount() {
        synchronized (lifecycle) {
            return started;
        }
    }

    /** The most guest threads alive at once since the start or the last {@link #resetPeak}. */
    public int peakCount() {
        synchronized (lifecycle) {
            return Math.max(peak, vm.threads.size());
        }
    }

    /** ThreadMXBean.resetPeakThreadCount: the peak starts again from the threads alive now. */
    public void resetPeak() {
        synchronized (lifecycle) {
            peak = vm.threads.size();
        }
    }

    public long nextId() {
        return ids.getAndIncrement();
    }

    /** Registers the calling host thread as guest thread {@code t} (BLOCKED until it calls unblock). */
    public void attach(VmThread t) {
        t.host = Thread.currentThread();
        t.hashSeed = 0x2545F491 ^ (int) (nextId() * 0x9E3779B9L);
        current.set(t);
        synchronized (lifecycle) {
            if (!t.daemon) {
                nonDaemon++;
            }
            vm.threads.add(t);
            started++;
            peak = Math.max(peak, vm.threads.size());
        }
    }

    /**
     * Starts guest thread {@code t} whose Thread object is at {@code t.guestThread}; the new host thread runs
     * the object's run(). Registered before it starts, as BLOCKED, so a pause never misses its roots.
     */
    public void start(VmThread t) {
        synchronized (lifecycle) {
            if (!t.daemon) {
                nonDaemon++;
            }
            vm.threads.add(t);
            started++;
            peak = Math.max(peak, vm.threads.size());
        }
        Thread host = new Thread(null, () -> run(t), "toyvm-" + t.name, HOST_STACK_BYTES);
        host.setDaemon(true);
        t.host = host;
        host.start();
    }

    private void run(VmThread t) {
        current.set(t);
        t.hashSeed = 0x2545F491 ^ (int) (nextId() * 0x9E3779B9L);
        try {
            vm.safepoints.unblock(t);
            t.pushRef(t.guestThread);
            VmClass c = vm.classOf(t.guestThread);
            vm.interp.call(t, c.selectVirtual("run()V"));
        } catch (GuestException e) {
            vm.reportUncaught(t);
        } catch (VmExit e) {
            exit(e.status);
        } catch (Safepoints.ThreadDeath e) {
            // the VM is exiting
        } catch (RuntimeException | Error e) { // any host failure (StackOverflowError, OOME, a LinkageError...): the VM failed
            vm.internalError(t, e);
            exit(ExitStatus.VM_ERROR);
        } finally {
            terminate(t);
        }
    }

    /**
     * The end of a guest thread: clear its Thread's alive flag and notifyAll on it (what Thread.join waits
     * for), retire its allocation buffer, leave the thread list and stay BLOCKED forever.
     */
    public void terminate(VmThread t) {
        try {
            if (!vm.safepoints.exiting() && t.guestThread != 0) {
                t.depth = 0;
                t.sp = 0;
                t.pendingException = 0;
                vm.threadNatives.markDead(t);
            }
        } catch (Safepoints.ThreadDeath | GuestException e) {
            // exiting, or the notify failed: nobody can be left waiting that matters
        } finally {
            vm.heap.retireTlab(t);
            // Leave the thread list while still RUNNING, then block: a pause waits for a running listed thread,
            // so none is in progress while the list changes. The other way round (block, then leave) a pause
            // could stop the world in between and see the thread's roots (its Thread object) in the verifier's
            // hash before the collection and not after: "heap graph changed" (ThreadedLruCache at -Xmx1m in a
            // loaded CI run; ThreadsTest reproduces it every time with the seam).
            beforeLeaving.accept(t);
            vm.threads.remove(t);
            vm.safepoints.block(t);
            current.remove();
            synchronized (lifecycle) {
                if (!t.daemon) {
                    nonDaemon--;
                }
                lifecycle.notifyAll();
            }
        }
    }

    /** System.exit from any thread: the first status wins; every other guest thread unwinds. */
    public void exit(int status) {
        synchronized (lifecycle) {
            if (exitStatus == null) {
                exitStatus = status;
            }
            lifecycle.notifyAll();
        }
        vm.safepoints.beginExit();
        // Keep waking the others until they are gone: a host interrupt can be consumed by a wait that then
        // re-checks a guest condition, so one interrupt is not enough.
        Thread reaper = new Thread(() -> {
            while (!vm.threads.isEmpty()) {
                for (VmThread t : vm.threads) {
                    Thread h = t.host;
                    if (h != null && h != Thread.currentThread()) {
                        h.interrupt();
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "toyvm-exit");
        reaper.setDaemon(true);
        reaper.start();
    }

    /**
     * Called by the main host thread after main() ended: waits until no non-daemon thread is left or someone
     * calls System.exit; true in the first case (the shutdown hooks are then still to run, HotSpot's
     * DestroyJavaVM).
     */
    public boolean awaitNonDaemons() {
        synchronized (lifecycle) {
            while (nonDaemon > 0 && exitStatus == null) {
                try {
                    lifecycle.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return exitStatus == null;
        }
    }

    /**
     * Called by the main host thread after main() ended with {@code mainStatus}: waits until no non-daemon
     * thread is left (or someone calls System.exit) and returns the VM's exit status.
     */
    public int awaitEnd(int mainStatus) {
        awaitNonDaemons();
        synchronized (lifecycle) {
            int status = exitStatus != null ? exitStatus : mainStatus;
            if (exitStatus == null) {
                exitStatus = status;
            }
            lifecycle.notifyAll();
            return status;
        }
    }

    /** After the VM decided to end: make the remaining (daemon) threads unwind and give them a moment. */
    public void shutdown() {
        vm.safepoints.beginExit();
        for (VmThread t : vm.threads) {
            Thread h = t.host;
            if (h != null && h != Thread.currentThread()) {
                h.interrupt();
                try {
                    h.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
