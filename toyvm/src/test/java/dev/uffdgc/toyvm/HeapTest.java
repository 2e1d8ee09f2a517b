package dev.uffdgc.toyvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.seam.Collector;
import dev.uffdgc.toyvm.gc.toolkit.HeapVerifier;
import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.thread.VmThread;
import java.io.PrintStream;
import java.io.OutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Object layout, large-object alignment, the verifier's checks and the collector, driven directly. */
@Timeout(60)
class HeapTest {
    private Vm vm;
    private VmThread t;
    private HeapVerifier verifier;

    @BeforeEach
    void setUp() {
        VmOptions o = new VmOptions();
        o.heapBytes = 1 << 20;
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        vm = new Vm(o, sink, sink);
        t = new VmThread("test", 1024, 64);
        vm.threads.add(t);
        verifier = new HeapVerifier(vm.binding);
    }

    private int array(String descriptor, int length) {
        VmClass c = vm.classes.load(descriptor);
        return vm.alloc.array(t, c, length);
    }

    @Test
    void largeObjectsArePageAlignedAndTheHeapStaysParseable() {
        int small = array("[I", 3);
        assertEquals(ObjectLayout.FIRST_OBJECT, ObjectLayout.offset(small));
        int large = array("[B", 10_000);
        assertEquals(0, ObjectLayout.offset(large) % ObjectLayout.PAGE_SIZE, "large array at " + large);
        assertEquals(10_000, vm.mem.getInt(ObjectLayout.offset(large) + ObjectLayout.ARRAY_LENGTH_OFFSET));
        t.pushHandle(small);
        t.pushHandle(large);
        vm.heap.retireTlab(t);
        verifier.verify("test");
    }

    @Test
    void verifierRejectsAReferenceThatIsNotAnObjectStart() {
        int arr = array("[Ljava/lang/Object;", 2);
        int other = array("[I", 4);
        t.pushHandle(arr);
        vm.mem.putInt(ObjectLayout.offset(arr) + ObjectLayout.ARRAY_BASE_OFFSET, ObjectLayout.ref(ObjectLayout.offset(other) + 8));
        vm.heap.retireTlab(t);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> verifier.verify("corrupt"));
        assertTrue(e.getMessage().contains("is not an object"), e.getMessage());
    }

    @Test
    void collectionKeepsTheGraphAndDropsGarbage() {
        int garbage = array("[J", 5000);
        int keep = array("[Ljava/lang/Object;", 2);
        int leaf = array("[I", 3);
        vm.mem.putInt(ObjectLayout.offset(leaf) + ObjectLayout.ARRAY_BASE_OFFSET + 4, 42);
        vm.mem.putInt(ObjectLayout.offset(keep) + ObjectLayout.ARRAY_BASE_OFFSET, leaf);
        vm.mem.putInt(ObjectLayout.offset(keep) + ObjectLayout.ARRAY_BASE_OFFSET + 4, keep);
        int h = t.pushHandle(keep);
        vm.heap.retireTlab(t);
        long before = verifier.verify("before");
        long used = vm.heap.used();
        vm.collect(Collector.Cause.SYSTEM_GC, 0);
        assertTrue(vm.heap.used() < used - 40_000, "garbage not reclaimed: " + vm.heap.used());
        assertEquals(before, verifier.verify("after"));
        int moved = t.handle(h);
        assertNotEquals(keep, moved, "the survivor should have slid down over the garbage");
        assertEquals(moved, vm.mem.getInt(ObjectLayout.offset(moved) + ObjectLayout.ARRAY_BASE_OFFSET + 4), "self reference updated");
        int movedLeaf = vm.mem.getInt(ObjectLayout.offset(moved) + ObjectLayout.ARRAY_BASE_OFFSET);
        assertEquals(42, vm.mem.getInt(ObjectLayout.offset(movedLeaf) + ObjectLayout.ARRAY_BASE_OFFSET + 4));
        vm.mem.putInt(ObjectLayout.offset(movedLeaf) + ObjectLayout.ARRAY_BASE_OFFSET, 7);
        assertNotEquals(before, verifier.verify("mutated"), "the graph hash must see field values");
        assertTrue(garbage < keep && moved < keep, "survivor slid over the garbage below it");
    }
}
