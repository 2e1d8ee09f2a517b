package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.LinkageException;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.thread.GuestException;
import dev.uffdgc.toyvm.thread.VmThread;

/**
 * Exceptions the VM raises in the guest (NullPointerException, ArithmeticException, linkage errors...):
 * constructed by running the guest constructor, so the stack trace and message behave like HotSpot's.
 */
public final class Throwing {
    private final Vm vm;
    private int preallocatedOom = -1;

    public Throwing(Vm vm) {
        this.vm = vm;
    }

    /** Builds a {@code className(msg)} guest exception and returns the signal to throw it. */
    public GuestException raise(VmThread t, String className, String msg) {
        return t.throwGuest(construct(t, className, msg));
    }

    /**
     * The NullPointerException of a null check that bytecode failed (a field, array, monitor or invoke on null,
     * athrow of null) in the top frame at its published pc: its message is computed from that bytecode when asked.
     */
    public GuestException failedNullCheck(VmThread t) {
        t.failedNullCheck = true;
        try {
            return raise(t, "java/lang/NullPointerException", null);
        } finally {
            t.failedNullCheck = false;
        }
    }

    /** A new guest throwable of {@code className} with message {@code msg} (null: no-arg constructor). */
    public int construct(VmThread t, String className, String msg) {
        if (t.raising > 4) {
            throw new IllegalStateException("toyvm: cannot build the guest exception " + className + ": " + msg
                    + " (raising it fails recursively)");
        }
        t.raising++;
        try {
            return constructUnguarded(t, className, msg);
        } finally {
            t.raising--;
        }
    }

    private int constructUnguarded(VmThread t, String className, String msg) {
        VmClass c;
        try {
            c = vm.classes.load(className);
        } catch (LinkageException e) {
            throw new IllegalStateException("toyvm: cannot load " + className + " to report: " + msg, e);
        }
        vm.init.initialize(t, c);
        int mark = t.handleTop;
        int hMsg = t.pushHandle(msg == null ? 0 : vm.strings.newString(t, msg));
        int hEx = t.pushHandle(vm.alloc.instance(t, c));
        VmMethod ctor = c.methods.get(msg == null ? "<init>()V" : "<init>(Ljava/lang/String;)V");
        if (ctor == null) {
            throw new IllegalStateException("toyvm: " + className + " has no constructor for a message");
        }
        t.pushRef(t.handle(hEx));
        if (msg != null) {
            t.pushRef(t.handle(hMsg));
        }
        vm.interp.call(t, ctor);
        int ex = t.handle(hEx);
        t.popHandles(mark);
        return ex;
    }

    /** Wraps a throwable as the cause of a new {@code className(Throwable)}. */
    public int wrap(VmThread t, String className, int cause) {
        VmClass c = vm.classes.load(className);
        vm.init.initialize(t, c);
        int mark = t.handleTop;
        int hCause = t.pushHandle(cause);
        int hEx = t.pushHandle(vm.alloc.instance(t, c));
        t.pushRef(t.handle(hEx));
        t.pushRef(t.handle(hCause));
        vm.interp.call(t, c.methods.get("<init>(Ljava/lang/Throwable;)V"));
        int ex = t.handle(hEx);
        t.popHandles(mark);
        return ex;
    }

    public GuestException stackOverflow(VmThread t) {
        t.raiseLimits();
        try {
            return raise(t, "java/lang/StackOverflowError", null);
        } finally {
            t.lowerLimits();
        }
    }

    /** Allocated at startup so that a full heap can still report itself. */
    public void preallocate(VmThread t) {
        preallocatedOom = vm.globals.add(construct(t, "java/lang/OutOfMemoryError", "Java heap space"));
    }

    public GuestException outOfMemory(VmThread t) {
        return outOfMemory(t, "Java heap space");
    }

    public GuestException outOfMemory(VmThread t, String msg) {
        if (preallocatedOom < 0) {
            throw new IllegalStateException("toyvm: heap too small to start the VM (-Xmx)");
        }
        if (t.raisingOutOfMemory) {
            return t.throwGuest(vm.globals.get(preallocatedOom));
        }
        t.raisingOutOfMemory = true;
        try {
            return raise(t, "java/lang/OutOfMemoryError", msg);
        } finally {
            t.raisingOutOfMemory = false;
        }
    }
}
