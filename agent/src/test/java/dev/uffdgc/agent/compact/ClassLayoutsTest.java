package dev.uffdgc.agent.compact;

import static dev.uffdgc.toyvm.heap.ObjectLayout.FILLER_CLASS_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.toyvm.gc.synthetic.SyntheticHeap;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The page builder's per-class table: the binding's facts, learned once, and a clear failure for a bad class id. */
class ClassLayoutsTest {
    @Test
    void learnsEveryLoadedClassAsTheBindingDescribesIt() {
        SyntheticHeap h = new SyntheticHeap(1 << 20);
        ClassLayouts layouts = new ClassLayouts(h);
        assertFalse(layouts.table().knows(SyntheticHeap.NODE));
        ClassLayouts.Table t = layouts.learn(SyntheticHeap.NODE);
        assertSame(t, layouts.table());
        assertSame(t, layouts.learn(SyntheticHeap.INTS), "a known class needs no new snapshot");
        for (int id : new int[] {SyntheticHeap.NODE, SyntheticHeap.INTS, SyntheticHeap.LONGS, SyntheticHeap.REFS}) {
            assertTrue(t.knows(id), "class " + id);
            assertEquals(h.elementSize(id), t.elementSize[id], "element size of " + id);
            assertEquals(h.isReferenceArray(id), t.referenceArray[id], "reference array " + id);
            if (h.elementSize(id) == 0) {
                assertEquals(h.sizeOf(id, 0), t.instanceSize[id], "instance size of " + id);
                assertEquals(Arrays.toString(h.referenceOffsets(id)), Arrays.toString(t.referenceOffsets[id]));
            }
            assertEquals(h.isReferenceArray(id) || h.referenceOffsets(id).length > 0, t.hasSlots[id], "slots of " + id);
        }
        assertFalse(t.hasSlots[SyntheticHeap.INTS], "a primitive array is not visited by the slot pass");
        assertFalse(t.knows(FILLER_CLASS_ID), "a filler is never a live object");
    }

    @Test
    void aClassIdThatNamesNoClassFailsNamingIt() {
        ClassLayouts layouts = new ClassLayouts(new SyntheticHeap(1 << 20));
        assertTrue(assertThrows(IllegalStateException.class, () -> layouts.learn(99)).getMessage().contains("class id 99"));
        assertThrows(IllegalStateException.class, () -> layouts.learn(FILLER_CLASS_ID));
        assertFalse(layouts.table().knows(-1));
    }
}
