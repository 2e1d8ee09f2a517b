package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.heap.Barrier;
import dev.uffdgc.toyvm.seam.RootVisitor;
import dev.uffdgc.toyvm.thread.VmThread;

/**
 * The VM's side of java.lang.ref, as HotSpot has it: collectors put the references whose referent they cleared on
 * a pending list (linked through {@code Reference.discovered}, its head a root), and the JDK's own Reference
 * Handler thread — started before main, in the system thread group — takes the list with the natives below and
 * enqueues each reference in its queue (or runs its Cleaner). Without it, a {@code WeakHashMap} never forgets a
 * key, a cache of weak values keeps every value, and a ReferenceQueue stays empty: programs written for HotSpot
 * print other things or run out of memory.
 *
 * <p>{@code Reference.get()} is intrinsified for the concurrent collector: a referent read while a concurrent mark
 * runs may be stored where the mark has already been, so it is reported to the barrier to be marked (the
 * keep-alive barrier of G1 and Shenandoah); see {@link Barrier#keepAlive}.
 */
public final class PendingReferences {
    private final Vm vm;
    private final Object lock = new Object();
    /** Head of the pending list (0: empty). Written in a pause, read by the handler thread: volatile. */
    private volatile int head;
    private long discoveredOff = -1;
    private long referentOff = -1;

    public PendingReferences(Vm vm) {
        this.vm = vm;
    }

    void register(Intrinsics r) {
        String ref = "java/lang/ref/Reference";
        r.add(ref, "get()Ljava/lang/Object;", (t, b) -> {
            int x = vm.mem.getInt(ObjectLayout.offset(t.refs[b]) + referentOffset());
            Barrier.keepAlive(vm.mem, x);
            t.refs[b] = x;
        });
        r.add(ref, "hasReferencePendingList()Z", (t, b) -> t.prims[b] = head != 0 ? 1 : 0);
        r.add(ref, "getAndClearReferencePendingList()Ljava/lang/ref/Reference;", (t, b) -> {
            // A running guest thread: no pause runs meanwhile, so the head cannot change under us.
            t.refs[b] = head;
            head = 0;
        });
        r.add(ref, "waitForReferencePendingList()V", (t, b) -> await(t));
        // ReferenceQueue picks its lock by whether virtual threads exist; toyvm has no continuations.
        r.add("jdk/internal/vm/ContinuationSupport", "isSupported0()Z", (t, b) -> t.prims[b] = 0);
    }

    /** The collector's half (seam References.enqueuePending): in a pause, before anything moves. */
    public void enqueue(int reference) {
        if (discoveredOff < 0) {
            discoveredOff = vm.classes.load("java/lang/ref/Reference").findField("discovered").offset;
        }
        vm.mem.putInt(ObjectLayout.offset(reference) + discoveredOff, head);
        head = reference;
    }

    /** The pending list's head, a root. */
    public void visitRoots(RootVisitor v) {
        int h = head;
        if (h != 0) {
            head = v.visit(h);
        }
    }

    /** After a pause's resume: wakes the handler thread if the pause left references pending. */
    public void wakeHandler() {
        if (head != 0) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /**
     * Before main, on the main thread: the JDK's {@code Reference.startReferenceHandlerThread(systemGroup)}, as
     * HotSpot's start-up does.
     */
    public void startHandler(VmThread t) {
        VmClass reference = vm.classes.load("java/lang/ref/Reference");
        vm.init.initialize(t, reference);
        int group = vm.mem.getInt(ObjectLayout.offset(t.guestThread) + vm.classes.load("java/lang/Thread").findField("group").offset);
        long parentOff = vm.classes.load("java/lang/ThreadGroup").findField("parent").offset;
        for (int p = vm.mem.getInt(ObjectLayout.offset(group) + parentOff); p != 0; p = vm.mem.getInt(ObjectLayout.offset(group) + parentOff)) {
            group = p;
        }
        VmMethod start = reference.methods.get("startReferenceHandlerThread(Ljava/lang/ThreadGroup;)V");
        t.pushRef(group);
        vm.interp.call(t, start);
    }

    private long referentOffset() {
        long off = referentOff;
        if (off < 0) {
            off = vm.classes.load("java/lang/ref/Reference").findField("referent").offset;
            referentOff = off;
        }
        return off;
    }

    /** The handler thread, between batches: blocked (safe for a pause) until a pause leaves references pending. */
    private void await(VmThread t) {
        vm.safepoints.block(t);
        try {
            synchronized (lock) {
                while (head == 0 && !vm.safepoints.exiting()) {
                    lock.wait();
                }
            }
        } catch (InterruptedException e) {
            // the VM exiting (unblock unwinds) or a spurious host interrupt: the guest loop asks again
        } finally {
            vm.safepoints.unblock(t);
        }
    }
}
