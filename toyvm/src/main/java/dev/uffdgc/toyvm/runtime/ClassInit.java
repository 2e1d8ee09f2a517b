package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmClass.InitState;
import dev.uffdgc.toyvm.classfile.VmField;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.thread.GuestException;
import dev.uffdgc.toyvm.thread.VmThread;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Class initialisation, JLS 12.4.2: superclass, default-method superinterfaces, then the class. One thread
 * initialises a class; the others wait (BLOCKED, so a pause does not wait for them) until it is done or
 * erroneous; the initialising thread itself passes through (recursive requests). The init lock is held only
 * for state changes, never while {@code <clinit>} runs.
 */
public final class ClassInit {
    private final Vm vm;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition done = lock.newCondition();

    public ClassInit(Vm vm) {
        this.vm = vm;
    }

    public void initialize(VmThread t, VmClass c) {
        if (c.initState == InitState.INITIALIZED) {
            return;
        }
        int claim = claim(t, c);
        if (claim == ERRONEOUS) {
            throw vm.throwing.raise(t, "java/lang/NoClassDefFoundError", "Could not initialize class " + c.binaryName());
        }
        if (claim == NOTHING) {
            return;
        }
        int depth = t.depth;
        try {
            if (!c.isInterface()) {
                if (c.superclass != null) {
                    initialize(t, c.superclass);
                }
                for (VmClass i : c.interfaces) {
                    initializeWithDefaults(t, i);
                }
            }
            applyConstants(t, c);
            VmMethod clinit = c.methods.get("<clinit>()V");
            if (clinit != null) {
                vm.interp.call(t, clinit);
            }
            finish(c, InitState.INITIALIZED);
        } catch (GuestException e) {
            t.depth = depth;
            finish(c, InitState.ERRONEOUS);
            int ex = t.pendingException;
            t.pendingException = 0;
            if (vm.classOf(ex).isAssignableTo(vm.classes.load("java/lang/Error"))) {
                throw t.throwGuest(ex);
            }
            throw t.throwGuest(vm.throwing.wrap(t, "java/lang/ExceptionInInitializerError", ex));
        }
    }

    private static final int NOTHING = 0;
    private static final int RUN = 1;
    private static final int ERRONEOUS = 2;

    /** RUN if this thread must initialise now; NOTHING if done or in progress on this thread; or ERRONEOUS. */
    private int claim(VmThread t, VmClass c) {
        Thread me = Thread.currentThread();
        lock.lock();
        try {
            for (;;) {
                switch (c.initState) {
                    case INITIALIZED:
                        return NOTHING;
                    case ERRONEOUS:
                        return ERRONEOUS;
                    case LINKED:
                        c.initState = InitState.INITIALIZING;
                        c.initThread = me;
                        return RUN;
                    case INITIALIZING:
                        if (c.initThread == me) {
                            return NOTHING;
                        }
                        lock.unlock();
                        vm.safepoints.block(t);
                        lock.lock();
                        try {
                            while (c.initState == InitState.INITIALIZING) {
                                done.awaitUninterruptibly();
                            }
                        } finally {
                            lock.unlock();
                            try {
                                vm.safepoints.unblock(t);
                            } finally {
                                lock.lock();
                            }
                        }
                        break;
                    default:
                        throw new IllegalStateException(c.initState.toString());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void finish(VmClass c, InitState state) {
        lock.lock();
        try {
            c.initState = state;
            c.initThread = null;
            done.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void initializeWithDefaults(VmThread t, VmClass i) {
        for (VmClass sup : i.interfaces) {
            initializeWithDefaults(t, sup);
        }
        for (VmMethod m : i.methods.values()) {
            if (!m.isStatic() && !m.isAbstract()) {
                initialize(t, i);
                return;
            }
        }
    }

    private void applyConstants(VmThread t, VmClass c) {
        for (Map.Entry<VmField, Object> e : vm.classes.constantValues.getOrDefault(c, Map.of()).entrySet()) {
            VmField f = e.getKey();
            switch (e.getValue()) {
                case Integer i -> vm.statics.prims[f.offset] = i;
                case Long l -> vm.statics.prims[f.offset] = l;
                case Float x -> vm.statics.prims[f.offset] = Float.floatToRawIntBits(x);
                case Double d -> vm.statics.prims[f.offset] = Double.doubleToRawLongBits(d);
                case String s -> vm.statics.refs[f.offset] = vm.strings.intern(t, s);
                default -> throw new IllegalStateException("constant " + e.getValue());
            }
        }
    }
}
