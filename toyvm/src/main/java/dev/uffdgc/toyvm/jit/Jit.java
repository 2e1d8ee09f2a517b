package dev.uffdgc.toyvm.jit;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.interp.Code;
import dev.uffdgc.toyvm.interp.CompiledCode;
import dev.uffdgc.toyvm.interp.Compiler;
import dev.uffdgc.toyvm.interp.CompilerSupport;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.constant.ClassDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline compiler tier: a method invoked {@link #invocationThreshold} times (or a loop that takes
 * {@link #backedgeThreshold} backward branches, then by on-stack replacement) is translated by {@link Emitter}
 * into a hidden class the host JIT compiles like any other code. Compilation runs on the guest thread that
 * crossed the threshold, like HotSpot's -Xbatch; it touches no guest memory, and the thread counts as blocked
 * meanwhile (see compile).
 */
public final class Jit implements Compiler {
    /** Deoptimisations after which a method keeps its compiled code (with its deopt stubs) for good. */
    static final int MAX_COMPILATIONS = 4;
    /** -Dtoyvm.jit.dump=DIR writes every generated class file there (for javap). */
    private static final String DUMP = System.getProperty("toyvm.jit.dump");

    private final CompilerSupport support;
    private final int invocationThreshold;
    private final int backedgeThreshold;
    private final MethodHandles.Lookup lookup = MethodHandles.lookup();
    private final ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
            ClassHierarchyResolver.ofClassLoading(MethodHandles.lookup())));
    private final java.io.PrintStream log;
    private final dev.uffdgc.toyvm.thread.Safepoints safepoints;
    /**
     * Test seam: runs on the compiling thread inside every compile's BLOCKED section (JitTest holds one there to
     * show that another thread's pause does not wait for it). A no-op otherwise.
     */
    public static volatile java.util.function.Consumer<VmMethod> whileCompiling = m -> { };
    public final AtomicLong compiled = new AtomicLong();
    public final AtomicLong deoptimisations = new AtomicLong();
    public final AtomicLong failures = new AtomicLong();
    public final AtomicLong osrEntries = new AtomicLong();

    /** Calls from compiled code that went through the interpreter's call path (see CompilerSupport.interpretedCalls). */
    public long interpretedCalls() {
        return support.interpretedCalls;
    }

    /** Compiled {@code new}s that took the runtime's allocation path (see CompilerSupport.slowAllocations). */
    public long slowAllocations() {
        return support.slowAllocations;
    }

    /** Array accesses in compiled code whose inline check failed (see CompilerSupport.slowElementChecks). */
    public long slowElementChecks() {
        return support.slowElementChecks;
    }

    @Override
    public void onStackReplacement() {
        osrEntries.incrementAndGet();
    }

    /** @param log where to print one line per compilation (-Xlog:jit), or null */
    public Jit(Vm vm, int invocationThreshold, int backedgeThreshold, java.io.PrintStream log) {
        this.support = new CompilerSupport(vm);
        this.safepoints = vm.safepoints;
        this.invocationThreshold = invocationThreshold;
        this.backedgeThreshold = backedgeThreshold;
        this.log = log;
    }

    @Override
    public int invocationThreshold() {
        return invocationThreshold;
    }

    @Override
    public int backedgeThreshold() {
        return backedgeThreshold;
    }

    @Override
    public CompiledCode compile(VmThread t, VmMethod m, Code c) {
        c.invocations = 0;
        c.backedges = 0;
        if (c.notCompilable) {
            c.invocations = Integer.MIN_VALUE;
            return null;
        }
        long start = System.nanoTime();
        CompiledMethod cm;
        Emitter e;
        byte[] bytes;
        // BLOCKED while compiling, as in a blocking read: a compile is host work only (the Emitter reads the
        // Code's ints and host pool objects, never the guest heap; what is unresolved becomes a deopt stub) and
        // both callers reach here at a point where a collection may already happen (method entry, where prepare
        // may allocate; a loop header with framePcs and sp stored). Compiles take 0.4-11 ms here; in RUNNING
        // state they made the other thread's pauses wait: 24 ms time-to-safepoint at LiveSetChurn's first Final
        // Mark, 52-132 ms in bench pause with 2 threads. Published only after unblock, outside any pause.
        safepoints.block(t);
        try {
            whileCompiling.accept(m);
            // The classfile models behind c.sources parse lazily and are not thread-safe (see Rare.prepare);
            // the Code's lock orders us after any quickening being published.
            synchronized (VmClass.MODEL_LOCK) {
                int[] code;
                Object[] pool;
                synchronized (c) {
                    code = c.code.clone();
                    pool = c.pool.clone();
                }
                e = new Emitter(m, c, code, pool);
                bytes = e.generate(classFile, ClassDesc.of("dev.uffdgc.toyvm.jit." + hostName(m)));
            }
            int length = runCodeLength(bytes);
            if (length > HUGE_METHOD_LIMIT && HOST_SKIPS_HUGE_METHODS) {
                notCompilable(c, m, null);
                if (log != null) {
                    log.printf("[jit] %s stays interpreted: %d bytes of host code, over the host JIT's %d%n", m, length,
                            HUGE_METHOD_LIMIT);
                }
                return null;
            }
            if (DUMP != null) {
                java.nio.file.Files.write(java.nio.file.Path.of(DUMP, hostName(m) + "_" + c.compilations + ".class"), bytes);
            }
            Class<?> k = lookup.defineHiddenClass(bytes, true).lookupClass();
            cm = (CompiledMethod) lookup.findConstructor(k, MethodType.methodType(void.class, Jit.class,
                    CompilerSupport.class, VmMethod.class, Code.class, Object[].class))
                    .invoke(this, support, m, c, e.consts());
        } catch (IllegalArgumentException tooBig) {
            // e.g. the host method would exceed 64 KiB of bytecode: this method stays interpreted.
            notCompilable(c, m, tooBig);
            return null;
        } catch (Throwable bug) {
            notCompilable(c, m, bug);
            failures.incrementAndGet();
            System.err.println("toyvm: jit: cannot compile " + m + ", it stays interpreted: " + bug);
            return null;
        } finally {
            safepoints.unblock(t);
        }
        c.compilations++;
        c.compiled = cm;
        m.entry = m.synchronizedMethod || m.intrinsic != null ? null : cm;
        compiled.incrementAndGet();
        if (log != null) {
            log.printf("[jit] %d %s (%d ints -> %d bytes, %d us)%n", c.compilations, m, c.code.length, bytes.length,
                    (System.nanoTime() - start) / 1000);
        }
        return cm;
    }

    /**
     * HotSpot's HugeMethodLimit (a develop flag: 8000 bytes of bytecode in every product build). With
     * DontCompileHugeMethods (on by default) a longer method is never JIT-compiled, not even by OSR: the host
     * interprets it for good, and a guest method whose generated {@code run} is that long runs far slower compiled
     * than in toyvm's interpreter (which C1 compiles): a guest loop in such a method took 150 ns per iteration
     * against 6.5 ns once the loop was in a method of its own (CPU time, 20M iterations; HotSpot -Xint 5-9 ns),
     * and JitTest's HugeMethod 100000 takes 21.5 s of CPU compiled, 6.3 s interpreted (HotSpot -Xint 1.3 s; load
     * 5-7). Guest methods of ~300 decoded ints and more reach it (~10-30 bytes of host code per int).
     */
    static final int HUGE_METHOD_LIMIT = 8000;

    /** The code length of the generated run method. */
    static int runCodeLength(byte[] bytes) {
        for (var method : ClassFile.of().parse(bytes).methods()) {
            if (method.methodName().equalsString("run")) {
                return method.code().map(code -> ((java.lang.classfile.attribute.CodeAttribute) code).codeLength())
                        .orElse(0);
            }
        }
        return 0;
    }

    /**
     * Whether the host skips huge methods: -XX:+DontCompileHugeMethods is HotSpot's default; asking the host
     * (HotSpotDiagnosticMXBean) would load JMX into every run with a huge method for one flag. A host started
     * with -XX:-DontCompileHugeMethods says so with -Dtoyvm.jit.hugeMethods=true.
     */
    private static final boolean HOST_SKIPS_HUGE_METHODS = !Boolean.getBoolean("toyvm.jit.hugeMethods");

    private static void notCompilable(Code c, VmMethod m, Throwable why) {
        c.notCompilable = true;
        c.invocations = Integer.MIN_VALUE;
        c.backedges = Integer.MIN_VALUE;
    }

    /** Called by compiled code that hands its frame to the interpreter at an instruction it did not translate. */
    void deoptimised(VmMethod m, Code c, CompiledMethod cm) {
        deoptimisations.incrementAndGet();
        if (c.compiled == cm && c.compilations < MAX_COMPILATIONS) {
            c.compiled = null;
            m.entry = null;
        }
    }

    /** A readable host class name for profiles and stack traces: the guest class and method. */
    private static String hostName(VmMethod m) {
        String s = m.owner.name.replace('/', '_').replace('$', '_') + "__" + m.name;
        StringBuilder b = new StringBuilder("G_");
        for (char ch : s.toCharArray()) {
            b.append(Character.isJavaIdentifierPart(ch) ? ch : '_');
        }
        return b.toString();
    }
}
