package dev.uffdgc.toyvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.toyvm.jit.Jit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The compiler tier: compiled frames under collections, on-stack replacement, and -Xint staying interpreted. */
class JitTest {
    private static long[] counters(Vm vm) {
        return vm.interp.compiler() instanceof Jit j
                ? new long[] {j.compiled.get(), j.deoptimisations.get(), j.failures.get(), j.osrEntries.get()}
                : new long[] {0, 0, 0, 0};
    }

    @Test
    @Timeout(180)
    void compiledFramesSurviveACollectionEvery4KWithVerification() {
        GuestRun expected = GuestRun.hotspot(GuestRun.guestClasses(), "CompiledRoots");
        VmOptions o = GuestRun.options(GuestRun.guestClasses(), "1m");
        o.jit = true;
        o.jitThreshold = 1;
        o.gcStressBytes = 4 << 10;
        o.verifyGc = true;
        long[][] jit = new long[1][];
        GuestRun actual = GuestRun.toyvm(o, vm -> jit[0] = counters(vm), "CompiledRoots");
        assertEquals(expected.stdout(), actual.stdout(), "stderr:\n" + actual.stderr());
        assertEquals(expected.status(), actual.status());
        assertTrue(actual.collections() >= 20, "only " + actual.collections() + " collections");
        assertTrue(jit[0][0] > 10, "only " + jit[0][0] + " compilations");
        assertEquals(0, jit[0][2], "failed compilations:\n" + actual.stderr());
    }

    @Test
    @Timeout(120)
    void aLoopInMainMovesToCompiledCode() {
        GuestRun expected = GuestRun.hotspot(GuestRun.guestClasses(), "CompiledRoots");
        VmOptions o = GuestRun.options(GuestRun.guestClasses(), null);
        o.jit = true;
        o.jitThreshold = 50; // OSR after 1000 backward branches: main's loops (8000) cross it, main runs once
        long[][] jit = new long[1][];
        GuestRun actual = GuestRun.toyvm(o, vm -> jit[0] = counters(vm), "CompiledRoots");
        assertEquals(expected.stdout(), actual.stdout(), "stderr:\n" + actual.stderr());
        assertTrue(jit[0][3] > 0, "no on-stack replacement");
        assertEquals(0, jit[0][2], "failed compilations:\n" + actual.stderr());
    }

    @Test
    @Timeout(60)
    void xintCompilesNothing() {
        VmOptions o = GuestRun.options(GuestRun.guestClasses(), null);
        o.jit = false;
        long[][] jit = new long[1][];
        GuestRun actual = GuestRun.toyvm(o, vm -> {
            assertEquals(null, vm.interp.compiler());
            jit[0] = counters(vm);
        }, "Calls");
        assertEquals(0, actual.status(), actual.stderr());
        assertEquals(0, jit[0][0]);
    }
}
