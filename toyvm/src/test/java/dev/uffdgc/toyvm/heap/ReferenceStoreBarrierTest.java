package dev.uffdgc.toyvm.heap;

import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_LENGTH_OFFSET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.toyvm.GuestRun;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.VmOptions;
import dev.uffdgc.toyvm.classfile.VmClass;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every reference-store path reports the value it overwrites to the installed barrier (the SATB contract of
 * {@link ReferenceStoreBarrier}): RefStores overwrites, once per path, an int[] whose length names the path, and
 * each must come back, in both tiers. Removing the barrier call from any one path makes its case fail (tried:
 * Interpreter putfield, Emitter's PUTFIELD_A, Rare.aastore, SyncOps volatile put, ArrayCopy bulk and checked,
 * UnsafeNatives compareAndSetRef and putRef, VarHandleSite's plain and volatile store and its compare-and-exchange,
 * PendingReferences' Reference.get intrinsic, which reports the referent it returns: not a store, but a referent
 * taken out of a weak reference during a concurrent mark must be marked for the same reason).
 */
class ReferenceStoreBarrierTest {
    record Report(String caller, String old) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpreter", "compiled"})
    @Timeout(120)
    void everyReferenceStorePathReportsTheOverwrittenValue(String tier) {
        VmOptions o = GuestRun.options(GuestRun.guestClasses(), "64m");
        o.jit = tier.equals("compiled");
        o.jitThreshold = 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Vm vm = new Vm(o, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        List<Report> reports = new ArrayList<>();
        StackWalker walker = StackWalker.getInstance(StackWalker.Option.SHOW_HIDDEN_FRAMES); // compiled code is hidden
        vm.binding.setReferenceStoreBarrier(old -> {
            String caller = walker.walk(s -> s.dropWhile(f -> !f.getClassName().equals(Barrier.class.getName()))
                    .dropWhile(f -> f.getClassName().equals(Barrier.class.getName())).findFirst()
                    .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
                    .orElse("?"));
            VmClass c = vm.classOf(old);
            String what = c.binaryName().equals("[I") ? "int[" + vm.mem.getInt(ObjectLayout.offset(old) + ARRAY_LENGTH_OFFSET) + "]"
                    : c.binaryName();
            synchronized (reports) {
                reports.add(new Report(caller, what));
            }
        });
        int status = vm.runMain("RefStores", new String[0]);
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        assertEquals(0, vm.collector().collections(), "a collection would have moved the reported objects");
        List<String> olds = reports.stream().map(Report::old).toList();
        String[] paths = {"putfield", "aastore", "volatile putfield", "arraycopy", "arraycopy (checked)",
            "Unsafe.compareAndSetReference", "getAndSet (CAS loop)", "ConcurrentHashMap", "VarHandle.set",
            "VarHandle.setVolatile/setRelease", "VarHandle.compareAndSet", "VarHandle.getAndSet (array element)",
            "VarHandle.setVolatile (array element)", "AtomicReferenceFieldUpdater.set",
            "AtomicReferenceFieldUpdater.compareAndSet", "AtomicReferenceArray.set", "Reference.get (keep-alive)",
            "SoftReference.get (keep-alive)"};
        for (int i = 0; i < paths.length; i++) {
            String expected = "int[" + (1001 + i) + "]";
            if (i == 0 && tier.equals("compiled")) { // the first calls may run interpreted: require the compiled store
                assertTrue(reports.stream().anyMatch(r -> r.old().equals(expected) && !r.caller().startsWith("Interpreter.")),
                        "compiled: the putfield path did not report the " + expected + " it overwrote from compiled code;"
                        + " reported by: " + reports.stream().filter(r -> r.old().equals(expected)).toList());
            } else if (i == 7) {
                assertTrue(reports.stream().anyMatch(r -> r.caller().equals("UnsafeNatives.putRef")
                        && r.old().contains("ConcurrentHashMap$Node")), "Unsafe.putReference*: nothing reported; "
                        + reports.stream().filter(r -> r.caller().startsWith("UnsafeNatives")).toList());
            } else {
                assertTrue(olds.contains(expected), tier + ": the " + paths[i] + " path did not report the " + expected
                        + " it overwrote; reported: " + olds.stream().filter(s -> s.startsWith("int[")).distinct().toList());
            }
        }
    }
}
