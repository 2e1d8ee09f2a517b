package java.lang;

import java.time.Duration;

/**
 * toyvm guest library: platform threads only, each a host thread of the VM. Lifecycle, sleep, interrupt and
 * park are VM intrinsics; join is guest code waiting on this object, which the VM notifies when the thread
 * ends (as HotSpot does). The fields named like the JDK's (parkBlocker, threadLocalRandom*, threadLocals) are
 * the ones JDK classes from jrt:/ reach through Unsafe offsets or package access.
 *
 * <p>Thread.ofPlatform()/ofVirtual() are the JDK's own ThreadBuilders, through the package-private
 * constructors and setters it calls (declared here as the JDK's). toyvm has no continuations (its
 * ContinuationSupport answers false, as HotSpot with -XX:-VMContinuations), so a virtual thread is the JDK's
 * ThreadBuilders.BoundVirtualThread: a BaseVirtualThread that runs on a platform thread of its own.
 */
public class Thread implements Runnable {
    public static final int MIN_PRIORITY = 1;
    public static final int NORM_PRIORITY = 5;
    public static final int MAX_PRIORITY = 10;

    private static long nextTid = 1;
    private static int threadInitNumber;
    private static volatile UncaughtExceptionHandler defaultUncaughtExceptionHandler;

    private volatile String name;
    private int priority;
    private boolean daemon;
    /** Written by the VM: true from start until the thread's run() has ended. */
    private volatile boolean alive;
    private boolean started;
    /** Interrupt status before start; afterwards the VM's thread holds it. */
    private volatile boolean interrupted;
    private final Runnable target;
    private final ThreadGroup group;
    private final long tid;
    private ClassLoader contextClassLoader;
    private volatile UncaughtExceptionHandler uncaughtExceptionHandler;

    volatile Object parkBlocker;
    /** The NIO channel operation this thread is blocked in (the JDK's field): interrupt() closes the channel. */
    private sun.nio.ch.Interruptible nioBlocker;
    private final Object interruptLock = new Object();
    long threadLocalRandomSeed;
    int threadLocalRandomProbe;
    int threadLocalRandomSecondarySeed;
    ThreadLocal.ThreadLocalMap threadLocals;
    /** TerminatingThreadLocals' map (the JDK keeps it apart so thread exit can find them; toyvm does not run them). */
    ThreadLocal.ThreadLocalMap terminatingThreadLocals;
    ThreadLocal.ThreadLocalMap inheritableThreadLocals;

    public enum State { NEW, RUNNABLE, BLOCKED, WAITING, TIMED_WAITING, TERMINATED }

    @FunctionalInterface
    public interface UncaughtExceptionHandler {
        void uncaughtException(Thread t, Throwable e);
    }

    /**
     * Declared only so that this source can name the JDK's Thread.Builder types; the build deletes these class
     * files (toyvm/pom.xml, jdk-nested-types) and the guest loads the JDK's own from jrt:/, which ThreadBuilders
     * implements.
     */
    public interface Builder {
        interface OfPlatform extends Builder {
        }

        interface OfVirtual extends Builder {
        }
    }

    /** The JDK's characteristic: the new thread does not inherit the creator's inheritable thread locals. */
    static final int NO_INHERIT_THREAD_LOCALS = 1 << 2;

    /** The scoped-value bindings (ScopedValue's, through scopedValueBindings()); the JDK's NEW_THREAD_BINDINGS
     * marker (Thread.class) until the thread binds any. */
    private Object scopedValueBindings = Thread.class;
    /** ScopedValue's per-thread cache of recent lookups (HotSpot keeps it per carrier; here every thread is its
     * own carrier). */
    private Object[] scopedValueCache;
    /** The thread container it was started in (a thread-per-task executor's), or null. */
    private jdk.internal.vm.ThreadContainer container;

    /** The VM's main thread (see vmMainThread): no parent to inherit from. */
    private Thread(ThreadGroup group, String name, boolean vmCreated) {
        this.group = group;
        this.name = name;
        this.target = null;
        this.priority = NORM_PRIORITY;
        this.tid = nextThreadId();
    }

    public Thread() {
        this(null, null, "Thread-" + nextThreadNum(), 0);
    }

    public Thread(Runnable task) {
        this(null, task, "Thread-" + nextThreadNum(), 0);
    }

    public Thread(ThreadGroup group, Runnable task) {
        this(group, task, "Thread-" + nextThreadNum(), 0);
    }

    public Thread(String name) {
        this(null, null, name, 0);
    }

    public Thread(ThreadGroup group, String name) {
        this(group, null, name, 0);
    }

    public Thread(Runnable task, String name) {
        this(null, task, name, 0);
    }

    public Thread(ThreadGroup group, Runnable task, String name) {
        this(group, task, name, 0);
    }

    public Thread(ThreadGroup group, Runnable task, String name, long stackSize) {
        this(group, checkName(name), 0, task, stackSize);
    }

    public Thread(ThreadGroup group, Runnable task, String name, long stackSize, boolean inheritInheritableThreadLocals) {
        this(group, checkName(name), inheritInheritableThreadLocals ? 0 : NO_INHERIT_THREAD_LOCALS, task, stackSize);
    }

    private static String checkName(String name) {
        if (name == null) {
            throw new NullPointerException("'name' is null");
        }
        return name;
    }

    /**
     * A platform thread, the JDK's package-private constructor (ThreadBuilders calls it): a null name is the
     * next "Thread-n". The stack size is ignored (toyvm's stacks are the VM's -Xss-like options).
     */
    Thread(ThreadGroup group, String name, int characteristics, Runnable task, long stackSize) {
        Thread parent = currentThread();
        this.group = group != null ? group : parent.getThreadGroup();
        this.name = name != null ? name : genThreadName();
        this.target = task;
        this.daemon = parent.isDaemon();
        this.priority = Math.min(parent.getPriority(), this.group.getMaxPriority());
        this.tid = nextThreadId();
        inherit(parent, characteristics);
    }

    /**
     * A virtual thread, the JDK's constructor (BaseVirtualThread calls it): no name is "", daemon, normal
     * priority, in the VirtualThreads group. Only bound ones exist here (toyvm has no continuations).
     */
    Thread(String name, int characteristics, boolean bound) {
        if (!bound) {
            throw new UnsupportedOperationException("toyvm: virtual threads need continuations, which toyvm lacks");
        }
        this.group = virtualThreadGroup();
        this.name = name != null ? name : "";
        this.target = null;
        this.daemon = true;
        this.priority = NORM_PRIORITY;
        this.tid = nextThreadId();
        inherit(currentThread(), characteristics);
    }

    /** As the JDK's constructors: the creator's inheritable thread locals and context class loader, unless told not. */
    private void inherit(Thread parent, int characteristics) {
        if ((characteristics & NO_INHERIT_THREAD_LOCALS) == 0) {
            ThreadLocal.ThreadLocalMap parentMap = parent.inheritableThreadLocals;
            if (parentMap != null && parentMap.size() > 0) {
                this.inheritableThreadLocals = ThreadLocal.createInheritedMap(parentMap);
            }
            this.contextClassLoader = parent.contextClassLoader;
        } else {
            this.contextClassLoader = ClassLoader.getSystemClassLoader();
        }
    }

    /** The JDK's name for a thread built without one. */
    static String genThreadName() {
        return "Thread-" + nextThreadNum();
    }

    public static Builder.OfPlatform ofPlatform() {
        return new ThreadBuilders.PlatformThreadBuilder();
    }

    public static Builder.OfVirtual ofVirtual() {
        return new ThreadBuilders.VirtualThreadBuilder();
    }

    public static Thread startVirtualThread(Runnable task) {
        java.util.Objects.requireNonNull(task);
        Thread thread = ThreadBuilders.newVirtualThread(null, null, 0, task);
        thread.start();
        return thread;
    }

    private static ThreadGroup virtualThreads;

    /** The JDK's group of every virtual thread, a child of the root group, made on first use. */
    static synchronized ThreadGroup virtualThreadGroup() {
        if (virtualThreads == null) {
            virtualThreads = new ThreadGroup(systemGroup, "VirtualThreads", MAX_PRIORITY);
        }
        return virtualThreads;
    }

    static Object scopedValueBindings() {
        return currentThread().scopedValueBindings;
    }

    static void setScopedValueBindings(Object bindings) {
        currentThread().scopedValueBindings = bindings;
    }

    /**
     * ScopedValue asks this only when a thread's bindings are null. HotSpot nulls them when a StackOverflowError
     * may have skipped the finally that restores them, and then walks the stack for runWith frames; toyvm runs
     * every finally (its overflow is raised at a method entry, outside any runWith) and never nulls them, so the
     * answer is the JDK's "nothing found".
     */
    static Object findScopedValueBindings() {
        return null;
    }

    static Object[] scopedValueCache() {
        return currentThread().scopedValueCache;
    }

    static void setScopedValueCache(Object[] cache) {
        currentThread().scopedValueCache = cache;
    }

    /**
     * The innermost StackableScope (ScopedValueContainer, thread-flock) this thread is in, through LangAccess.
     * The JDK's Thread.exit pops scopes a thread leaves open; toyvm does not run Thread.exit, so a scope left open
     * (a StructuredTaskScope never closed, a preview API) stays open: ScopedValue's own scopes are closed by the
     * finally that opened them.
     */
    private volatile jdk.internal.vm.StackableScope headStackableScopes;

    jdk.internal.vm.StackableScope headStackableScopes() {
        return headStackableScopes;
    }

    static void setHeadStackableScope(jdk.internal.vm.StackableScope scope) {
        currentThread().headStackableScopes = scope;
    }

    /** HotSpot keeps o alive in a frame a stack walk can see; toyvm's frames hold their locals anyway. */
    static void ensureMaterializedForStackWalk(Object o) {
    }

    /**
     * Runs op with the given scoped-value bindings (the JDK's; HotSpot's stack walk for bindings finds this
     * frame). Hidden, as the JDK's: stack traces leave it out.
     */
    @jdk.internal.vm.annotation.Hidden
    final void runWith(Object bindings, Runnable op) {
        op.run();
        java.lang.ref.Reference.reachabilityFence(bindings);
    }

    private static synchronized int nextThreadNum() {
        return threadInitNumber++;
    }

    private static synchronized long nextThreadId() {
        return nextTid++;
    }

    private static ThreadGroup systemGroup;

    /** Called once by the VM to make the Thread object of the main thread. */
    private static Thread vmMainThread() {
        systemGroup = new ThreadGroup(null, "system", MAX_PRIORITY);
        return new Thread(new ThreadGroup(systemGroup, "main", MAX_PRIORITY), "main", true);
    }

    /**
     * Called once by the VM on the main thread before the main class loads: its context class loader is the
     * system loader, as HotSpot's System.initPhase3 sets it (after the Reference Handler started, which keeps null).
     */
    private static void vmMainContextLoader() {
        currentThread().contextClassLoader = ClassLoader.getSystemClassLoader();
    }

    /** Called by the VM when the last non-daemon thread has ended, to run the shutdown hooks (HotSpot's too). */
    private static Thread vmDestroyJavaVm() {
        return new Thread(systemGroup, "DestroyJavaVM", true);
    }

    /** The live guest threads (started, not ended), from the VM's thread list, as HotSpot's getThreads. */
    private static native Thread[] getThreads();

    /**
     * The live platform threads: HotSpot's thread list does not show virtual threads, the bound ones either, so
     * thread groups and getAllStackTraces leave them out.
     */
    static Thread[] getAllThreads() {
        Thread[] all = getThreads();
        int n = 0;
        for (Thread t : all) {
            if (!t.isVirtual()) {
                all[n++] = t;
            }
        }
        return n == all.length ? all : java.util.Arrays.copyOf(all, n);
    }

    public static int activeCount() {
        return currentThread().getThreadGroup().activeCount();
    }

    public static int enumerate(Thread[] tarray) {
        return currentThread().getThreadGroup().enumerate(tarray);
    }

    /**
     * Every live thread's stack trace. Another thread's is empty (see getStackTrace): the JDK allows a VM
     * without stack information for a thread to answer a zero-length array.
     */
    public static java.util.Map<Thread, StackTraceElement[]> getAllStackTraces() {
        java.util.Map<Thread, StackTraceElement[]> m = new java.util.HashMap<>();
        for (Thread t : getAllThreads()) {
            StackTraceElement[] trace = t.getStackTrace();
            if (t.isAlive()) {
                m.put(t, trace);
            }
        }
        return m;
    }

    public static void dumpStack() {
        new Exception("Stack trace").printStackTrace();
    }

    /** As in JDK 25: always throws. */
    @Deprecated(since = "1.2", forRemoval = true)
    public final void stop() {
        throw new UnsupportedOperationException();
    }

    /** Since JDK 24 (no security manager) this does nothing, as here. */
    @Deprecated(since = "17", forRemoval = true)
    public final void checkAccess() {
    }

    public static native Thread currentThread();

    /** Sets the current thread's NIO blocker (AbstractInterruptibleChannel.begin/end, through LangAccess). */
    static void blockedOn(sun.nio.ch.Interruptible b) {
        Thread me = Thread.currentThread();
        synchronized (me.interruptLock) {
            me.nioBlocker = b;
        }
    }

    /** Every thread is its own carrier: a bound virtual thread too, as on HotSpot without continuations. */
    static Thread currentCarrierThread() {
        return currentThread();
    }

    public void start() {
        synchronized (this) {
            if (started) {
                throw new IllegalThreadStateException();
            }
            started = true;
            start0();
        }
    }

    /**
     * Starts this thread in a container (JavaLangAccess.start: a thread-per-task executor's), as the JDK's.
     * Leaving it is the executor's own task wrapper's business; toyvm does not call container.remove at exit.
     */
    void start(jdk.internal.vm.ThreadContainer container) {
        synchronized (this) {
            if (started) {
                throw new IllegalThreadStateException();
            }
            if (this.container != null) {
                throw new IllegalThreadStateException();
            }
            this.container = container;
            container.add(this);
            boolean ok = false;
            try {
                start();
                ok = true;
            } finally {
                if (!ok) {
                    container.remove(this);
                }
            }
        }
    }

    jdk.internal.vm.ThreadContainer threadContainer() {
        return container;
    }

    private native void start0();

    /** As the JDK's: the task runs under runWith, whose frame a walk with SHOW_HIDDEN_FRAMES shows as HotSpot's. */
    @Override
    public void run() {
        Runnable task = target;
        if (task != null) {
            runWith(scopedValueBindings(), task);
        }
    }

    public static void sleep(long millis) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        sleep0(millis >= Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE : millis * 1_000_000L);
    }

    public static void sleep(long millis, int nanos) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (nanos < 0 || nanos > 999999) {
            throw new IllegalArgumentException("nanosecond timeout value out of range");
        }
        sleep0(millis * 1_000_000L + nanos);
    }

    public static void sleep(Duration duration) throws InterruptedException {
        long nanos = duration.toNanos();
        if (nanos >= 0) {
            sleep0(nanos);
        }
    }

    private static native void sleep0(long nanos) throws InterruptedException;

    public static native void yield();

    public static void onSpinWait() {
    }

    public void interrupt() {
        interrupted = true;
        interrupt0();
        // As the JDK's: a thread blocked in an interruptible channel operation has the channel closed under it.
        if (this != Thread.currentThread()) {
            sun.nio.ch.Interruptible blocker;
            synchronized (interruptLock) {
                blocker = nioBlocker;
                if (blocker != null) {
                    blocker.interrupt(this);
                }
            }
            if (blocker != null) {
                blocker.postInterrupt();
            }
        }
    }

    private native void interrupt0();

    public static native boolean interrupted();

    public native boolean isInterrupted();

    public static native boolean holdsLock(Object obj);

    public final boolean isAlive() {
        return alive;
    }

    public final void join() throws InterruptedException {
        join(0);
    }

    public final synchronized void join(long millis) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (millis == 0) {
            while (alive) {
                wait(0);
            }
            return;
        }
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (alive) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    public final void join(long millis, int nanos) throws InterruptedException {
        join(nanos > 0 && millis < Long.MAX_VALUE ? millis + 1 : millis);
    }

    public final boolean join(Duration duration) throws InterruptedException {
        long millis = Math.max(1, duration.toMillis());
        join(millis);
        return !alive;
    }

    public final void setDaemon(boolean on) {
        if (isVirtual() && !on) {
            throw new IllegalArgumentException("'false' not legal for virtual threads");
        }
        if (started) {
            throw new IllegalThreadStateException();
        }
        daemon(on);
    }

    void daemon(boolean on) {
        daemon = on;
    }

    public final boolean isDaemon() {
        return daemon;
    }

    public final boolean isVirtual() {
        return this instanceof BaseVirtualThread;
    }

    public final String getName() {
        return name;
    }

    public final synchronized void setName(String name) {
        if (name == null) {
            throw new NullPointerException("'name' is null");
        }
        this.name = name;
    }

    public final int getPriority() {
        return priority;
    }

    public final void setPriority(int newPriority) {
        if (newPriority > MAX_PRIORITY || newPriority < MIN_PRIORITY) {
            throw new IllegalArgumentException();
        }
        if (!isVirtual()) {
            priority(newPriority);
        }
    }

    void priority(int newPriority) {
        priority = Math.min(newPriority, group.getMaxPriority());
    }

    public final ThreadGroup getThreadGroup() {
        return getState() == State.TERMINATED ? null : group;
    }

    @Deprecated
    public long getId() {
        return tid;
    }

    public final long threadId() {
        return tid;
    }

    public State getState() {
        return threadState();
    }

    /** The state, for callers that must not run an override of getState (BoundVirtualThread.toString). */
    State threadState() {
        if (!started) {
            return State.NEW;
        }
        return alive ? State.RUNNABLE : State.TERMINATED;
    }

    public ClassLoader getContextClassLoader() {
        return contextClassLoader;
    }

    public void setContextClassLoader(ClassLoader cl) {
        contextClassLoader = cl;
    }

    /**
     * The current thread's frames, innermost (this method) first, as on HotSpot. Another thread's stack is not
     * available in toyvm: an empty array (which the JDK allows for a VM that has no such information).
     */
    public StackTraceElement[] getStackTrace() {
        if (this != currentThread()) {
            return new StackTraceElement[0];
        }
        return new Throwable().getStackTrace();
    }

    public static void setDefaultUncaughtExceptionHandler(UncaughtExceptionHandler ueh) {
        defaultUncaughtExceptionHandler = ueh;
    }

    public static UncaughtExceptionHandler getDefaultUncaughtExceptionHandler() {
        return defaultUncaughtExceptionHandler;
    }

    public UncaughtExceptionHandler getUncaughtExceptionHandler() {
        UncaughtExceptionHandler ueh = uncaughtExceptionHandler;
        return ueh != null ? ueh : group;
    }

    public void setUncaughtExceptionHandler(UncaughtExceptionHandler ueh) {
        uncaughtExceptionHandler(ueh);
    }

    void uncaughtExceptionHandler(UncaughtExceptionHandler ueh) {
        uncaughtExceptionHandler = ueh;
    }

    /** Called by the VM when run() ends with an exception. */
    void dispatchUncaughtException(Throwable e) {
        getUncaughtExceptionHandler().uncaughtException(this, e);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Thread[#").append(tid).append(',').append(name).append(',').append(priority)
                .append(',');
        ThreadGroup g = getThreadGroup();
        if (g != null) {
            sb.append(g.getName());
        }
        return sb.append(']').toString();
    }

    // ThreadLocal's accessors (JDK 25 ThreadLocal reaches the maps through these, not the fields).
    ThreadLocal.ThreadLocalMap threadLocals() {
        return threadLocals;
    }

    void setThreadLocals(ThreadLocal.ThreadLocalMap map) {
        threadLocals = map;
    }

    ThreadLocal.ThreadLocalMap terminatingThreadLocals() {
        return terminatingThreadLocals;
    }

    void setTerminatingThreadLocals(ThreadLocal.ThreadLocalMap map) {
        terminatingThreadLocals = map;
    }

    ThreadLocal.ThreadLocalMap inheritableThreadLocals() {
        return inheritableThreadLocals;
    }

    void setInheritableThreadLocals(ThreadLocal.ThreadLocalMap map) {
        inheritableThreadLocals = map;
    }
}
