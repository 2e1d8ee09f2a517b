package dev.uffdgc.toyvm;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.binding.ToyVmBinding;
import dev.uffdgc.toyvm.classfile.ClassPath;
import dev.uffdgc.toyvm.classfile.ClassRegistry;
import dev.uffdgc.toyvm.classfile.LinkageException;
import dev.uffdgc.toyvm.classfile.Statics;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.gc.MarkCompact;
import dev.uffdgc.toyvm.seam.Collector;
import dev.uffdgc.toyvm.seam.GcLog;
import dev.uffdgc.toyvm.seam.InstrumentationPoints;
import dev.uffdgc.toyvm.seam.VmBinding;
import dev.uffdgc.toyvm.heap.Heap;
import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.thread.GuestException;
import dev.uffdgc.toyvm.interp.Interpreter;
import dev.uffdgc.toyvm.interp.VmExit;
import dev.uffdgc.toyvm.runtime.Alloc;
import dev.uffdgc.toyvm.runtime.ClassInit;
import dev.uffdgc.toyvm.runtime.Globals;
import dev.uffdgc.toyvm.runtime.HeapUsage;
import dev.uffdgc.toyvm.runtime.Intrinsics;
import dev.uffdgc.toyvm.runtime.Mirrors;
import dev.uffdgc.toyvm.runtime.Strings;
import dev.uffdgc.toyvm.runtime.Throwing;
import dev.uffdgc.toyvm.thread.GuestThreads;
import dev.uffdgc.toyvm.thread.Monitors;
import dev.uffdgc.toyvm.thread.Safepoints;
import dev.uffdgc.toyvm.runtime.PendingReferences;
import dev.uffdgc.toyvm.thread.ThreadNatives;
import dev.uffdgc.toyvm.thread.VmThread;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** One toy JVM: its heap, classes, interpreter, runtime and collector. */
public final class Vm {
    public final VmOptions options;
    public final Heap heap;
    public final HeapAccess mem;
    public final Statics statics = new Statics();
    public final Globals globals = new Globals();
    public final ClassRegistry classes;
    /** The host implementations of guest methods (natives, VarHandles). */
    public final Intrinsics intrinsics;
    public final Alloc alloc;
    public final Strings strings;
    public final Mirrors mirrors;
    public final Throwing throwing;
    public final ClassInit init;
    public final Interpreter interp;
    public final VmBinding binding;
    public final GcLog gcLog;
    /** Peak use and use after the latest collection, for java.lang.management (runtime/ManagementNatives). */
    public final HeapUsage heapUsage = new HeapUsage();
    /**
     * Set while a collection must clear soft references (collectForAllocation): weak tracers then discover
     * SoftReferences as they do WeakReferences (ToyVmBinding.scanObjectForTrace).
     */
    public volatile boolean clearSoftReferences;
    /** -Xlog:safepoint output (unified-logging lines tagged [safepoint]). */
    public final GcLog safepointLog;
    public final Safepoints safepoints;
    public final Monitors monitors;
    public final GuestThreads guestThreads;
    public final ThreadNatives threadNatives;
    /** java.lang.ref: the pending list collectors fill and the Reference Handler thread drains. */
    public final PendingReferences references;
    /** Installed only through {@link #installCollector} (at a safepoint); read on every collection request. */
    private volatile Collector collector;
    public final PrintStream out;
    public final PrintStream err;
    /** The guest's System.in: the process's stdin unless the embedder (a test) sets another before runMain. */
    public volatile java.io.InputStream in = System.in;
    public final List<VmThread> threads = new CopyOnWriteArrayList<>();
    public final long startNanos = System.nanoTime();

    public Vm(VmOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.heap = new Heap(options.heapBytes, options.hugePages);
        this.mem = heap.access();
        this.throwing = new Throwing(this);
        this.safepoints = new Safepoints(this);
        this.monitors = new Monitors(this);
        this.guestThreads = new GuestThreads(this);
        this.threadNatives = new ThreadNatives(this);
        this.references = new PendingReferences(this);
        this.intrinsics = new Intrinsics(this);
        this.classes = new ClassRegistry(new ClassPath(options.classPath), statics, intrinsics);
        this.alloc = new Alloc(this);
        this.strings = new Strings(this);
        this.mirrors = new Mirrors(this);
        this.init = new ClassInit(this);
        this.interp = new Interpreter(this);
        this.gcLog = new GcLog(options.gcLog, out, this::uptimeNanos);
        this.safepointLog = new GcLog(options.safepointLog, out, this::uptimeNanos);
        this.binding = new ToyVmBinding(this);
        this.collector = new MarkCompact(binding); // no thread exists yet: nothing to stop for this one
        heap.setExhaustion(this::collectForAllocation);
        heap.setTlabBytes(options.tlabBytes > 0 ? options.tlabBytes : Heap.defaultTlabBytes(options.heapBytes));
        heap.setStressInterval(options.gcStressBytes);
        if (options.jit) {
            interp.setCompiler(new dev.uffdgc.toyvm.jit.Jit(this, options.jitThreshold,
                    (int) Math.min(Integer.MAX_VALUE, (long) options.jitThreshold * VmOptions.JIT_BACKEDGE_FACTOR),
                    options.logJit ? err : null));
        }
        InstrumentationPoints.vmStarted(binding); // last: the VM is complete
    }

    /**
     * Every collection request (the allocator's exhaustion handler, System.gc(), tests): the instrumentation
     * point first, then the collector installed when it returns. See {@link Collector#collect} for the caller's
     * obligations.
     */
    public void collect(Collector.Cause cause, long requestBytes) {
        heapUsage.beforeCollection(heap.used());
        InstrumentationPoints.collectorEntry(binding, cause, requestBytes);
        collector.collect(cause, requestBytes);
        heapUsage.afterCollection(heap.used());
    }

    /**
     * The allocator's exhaustion handler. The last collection before the allocator gives up clears soft
     * references, as the Java spec requires before an OutOfMemoryError ("all soft references to softly-reachable
     * objects are guaranteed to have been cleared"; HotSpot's last-ditch collection clears them all too). A soft
     * cache filling the heap ran out of memory here before (corpus GcSemantics).
     */
    private void collectForAllocation(long bytes, boolean last) {
        if (!last) {
            collect(Collector.Cause.ALLOCATION_FAILURE, bytes);
            return;
        }
        clearSoftReferences = true;
        try {
            collect(Collector.Cause.ALLOCATION_FAILURE, bytes);
        } finally {
            clearSoftReferences = false;
        }
    }

    /** The installed collector. */
    public Collector collector() {
        return collector;
    }

    /** {@link dev.uffdgc.toyvm.seam.Collection#installCollector}: stops the world, swaps, resumes. */
    public Collector installCollector(Collector c) {
        Objects.requireNonNull(c, "collector");
        VmThread self = guestThreads.current();
        while (!safepoints.stopTheWorld(self, "Install collector")) {
            // Another pause ran while this thread waited as a stopped one: stop again.
        }
        try {
            Collector old = collector;
            collector = c;
            return old;
        } finally {
            safepoints.resumeTheWorld();
        }
    }

    public VmClass classOf(int ref) {
        return classes.table()[mem.getInt(ObjectLayout.offset(ref))];
    }

    /** Loads a class for guest code: linkage problems become guest errors. */
    public VmClass resolveClass(VmThread t, String internalName) {
        try {
            return classes.load(internalName);
        } catch (LinkageException e) {
            throw throwing.raise(t, e.guestClass, e.getMessage());
        }
    }

    /** A fresh non-zero identity hash (per-thread xorshift; the values are arbitrary, as on HotSpot). */
    public int nextIdentityHash(VmThread t) {
        int x = t.hashSeed == 0 ? 0x2545F491 : t.hashSeed;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        t.hashSeed = x;
        return (x & 0x7FFFFFFF) == 0 ? 1 : x & 0x7FFFFFFF;
    }

    public long uptimeNanos() {
        return System.nanoTime() - startNanos;
    }

    /**
     * Runs {@code mainClass.main(args)} on a fresh guest thread (a host thread with a deep stack) and returns
     * the exit status: the guest's System.exit code, 0 after a normal return, 1 after an uncaught exception.
     */
    public int runMain(String mainClass, String[] args) {
        int[] status = new int[1];
        Thread host = new Thread(null, () -> status[0] = mainThread(mainClass, args), "toyvm-main", 2L << 30);
        host.start();
        try {
            host.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        guestThreads.shutdown();
        out.flush();
        err.flush();
        gcLog.exitSummary(collector.collections(), heap.allocatedBytes(), heap.used());
        gcLog.close();
        safepointLog.close();
        return status[0];
    }

    /** The main guest thread; when main() ends, waits for the other non-daemon threads (DestroyJavaVM). */
    private int mainThread(String mainClass, String[] args) {
        VmThread t = new VmThread("main", options.stackSlots, options.maxDepth);
        guestThreads.attach(t);
        safepoints.unblock(t);
        int status;
        try {
            status = launch(t, mainClass, args);
        } catch (VmExit e) {
            guestThreads.exit(e.status);
            status = e.status;
        } catch (GuestException e) {
            status = reportUncaught(t);
        } catch (Safepoints.ThreadDeath e) {
            status = 0;
        } catch (RuntimeException | Error e) { // any host failure (StackOverflowError, OOME, a LinkageError...): the VM failed
            internalError(t, e);
            guestThreads.exit(ExitStatus.VM_ERROR);
            status = ExitStatus.VM_ERROR;
        } finally {
            guestThreads.terminate(t);
        }
        if (guestThreads.awaitNonDaemons()) {
            runShutdownHooks();
        }
        return guestThreads.awaitEnd(status);
    }

    /**
     * What HotSpot's DestroyJavaVM does once the last non-daemon thread has ended: java.lang.Shutdown.shutdown()
     * on a thread of its own, which runs the hooks (Runtime.addShutdownHook and the JDK's own). Only if anything
     * registered one: otherwise Shutdown was never initialised and there is nothing to run.
     */
    private void runShutdownHooks() {
        VmClass shutdown = classes.lookup("java/lang/Shutdown");
        if (shutdown == null || shutdown.initState != VmClass.InitState.INITIALIZED) {
            return;
        }
        VmThread t = new VmThread("DestroyJavaVM", options.stackSlots, options.maxDepth);
        guestThreads.attach(t);
        safepoints.unblock(t);
        try {
            threadNatives.createDestroyJavaVmThread(t);
            interp.call(t, shutdown.methods.get("shutdown()V"));
        } catch (VmExit e) {
            guestThreads.exit(e.status);
        } catch (GuestException e) {
            reportUncaught(t);
        } catch (Safepoints.ThreadDeath e) {
            // the VM is exiting
        } catch (RuntimeException | Error e) { // any host failure (StackOverflowError, OOME, a LinkageError...): the VM failed
            internalError(t, e);
            guestThreads.exit(ExitStatus.VM_ERROR);
        } finally {
            guestThreads.terminate(t);
        }
    }

    /** A host exception escaped guest code: the VM itself failed. */
    public void internalError(VmThread t, Throwable e) {
        out.flush();
        err.println("toyvm: internal error in guest thread \"" + t.name + "\": " + e);
        StackTraceElement[] st = e.getStackTrace();
        for (int i = 0; i < Math.min(12, st.length); i++) {
            err.println("\tat " + st[i]);
        }
    }

    private int launch(VmThread t, String mainClass, String[] args) {
        init.initialize(t, classes.load("java/lang/Object"));
        init.initialize(t, classes.load("java/lang/String"));
        init.initialize(t, classes.load("java/lang/System"));
        throwing.preallocate(t);
        threadNatives.createMainThread(t);
        references.startHandler(t);
        threadNatives.setMainContextLoader(t);
        String name = mainClass.replace('.', '/');
        VmClass main;
        try {
            main = classes.load(name);
        } catch (LinkageException e) {
            if (e.guestClass.equals("java/lang/NoClassDefFoundError") && e.getMessage().equals(name)) {
                err.println("Error: Could not find or load main class " + mainClass);
                err.println("Caused by: java.lang.ClassNotFoundException: " + mainClass);
            } else {
                err.println("Error: LinkageError occurred while loading main class " + mainClass);
                err.println("\t" + e.guestClass.replace('/', '.') + ": " + e.getMessage());
            }
            return 1;
        }
        VmMethod m = MainMethods.find(main, err);
        if (m == null) {
            return 1;
        }
        init.initialize(t, main);
        int receiver = -1;
        if (!m.isStatic()) { // JEP 512: an instance main runs on an instance made with the no-argument constructor
            receiver = t.pushHandle(alloc.instance(t, main));
            t.pushRef(t.handle(receiver));
            interp.call(t, main.methods.get("<init>()V"));
            m = main.selectVirtual(m.name + m.descriptor);
            t.pushRef(t.handle(receiver));
        }
        if (m.descriptor.equals("([Ljava/lang/String;)V")) {
            int h = t.pushHandle(alloc.array(t, classes.load("[Ljava/lang/String;"), args.length));
            for (int i = 0; i < args.length; i++) {
                int s = strings.newString(t, args[i]);
                mem.putInt(ObjectLayout.offset(t.handle(h)) + 16 + 4L * i, s);
            }
            t.pushRef(t.handle(h));
            t.popHandles(h);
        }
        if (receiver >= 0) {
            t.popHandles(receiver);
        }
        interp.call(t, m);
        return 0;
    }

    /**
     * HotSpot's uncaught-exception report: the guest Thread's dispatchUncaughtException (its handler, by
     * default "Exception in thread ..." plus the guest's own printStackTrace). Returns the exit status 1.
     */
    public int reportUncaught(VmThread t) {
        int ex = t.pendingException;
        t.pendingException = 0;
        t.depth = 0;
        t.sp = 0;
        out.flush();
        try {
            if (t.guestThread != 0) {
                t.pushRef(t.guestThread);
                t.pushRef(ex);
                interp.call(t, classes.load("java/lang/Thread").findMethod("dispatchUncaughtException(Ljava/lang/Throwable;)V"));
            } else {
                err.print("Exception in thread \"" + t.name + "\" ");
                err.flush();
                t.pushRef(ex);
                interp.call(t, classOf(ex).findMethod("printStackTrace()V"));
            }
        } catch (GuestException e) {
            err.println("toyvm: exception while printing an uncaught exception: " + describe(ex) + " (then "
                    + describe(t.pendingException) + ")");
            t.pendingException = 0;
        }
        return 1;
    }

    /** "class: message" of a guest throwable, read without running guest code (for a report that failed). */
    private String describe(int throwable) {
        if (throwable == 0) {
            return "none";
        }
        VmClass c = classOf(throwable);
        var f = c.findField("detailMessage");
        int msg = f == null ? 0 : mem.getInt(ObjectLayout.offset(throwable) + f.offset);
        return c.binaryName() + (msg == 0 ? "" : ": " + strings.toHost(msg));
    }
}
