package dev.uffdgc.agent.compact;

import static dev.uffdgc.toyvm.heap.ObjectLayout.FILLER_CLASS_ID;

import dev.uffdgc.toyvm.seam.VmBinding;

/**
 * The page builder's per-class facts — element size, instance size, reference slot offsets, whether the class is
 * a reference array, whether it has any reference slot — in flat arrays indexed by class id, so that building a
 * page asks the VM binding nothing per object (issue 11: before, every object cost an element size, a size and a
 * slot-offsets call through {@code VmBinding}, each a lookup in toyvm's class table, in each of the builder's two
 * passes). A snapshot, grown copy-on-write when a page holds a class it does not know yet (classes load while the
 * compaction runs): a class's layout never changes once it is loaded, so a racing grow only repeats work.
 */
final class ClassLayouts {
    /** An immutable snapshot: every array has one entry per class id below {@link #known}'s length. */
    static final class Table {
        final boolean[] known;
        final int[] elementSize;
        final long[] instanceSize;
        final int[][] referenceOffsets;
        final boolean[] referenceArray;
        final boolean[] hasSlots;

        private Table(int n) {
            known = new boolean[n];
            elementSize = new int[n];
            instanceSize = new long[n];
            referenceOffsets = new int[n][];
            referenceArray = new boolean[n];
            hasSlots = new boolean[n];
        }

        boolean knows(int cls) {
            return cls >= 0 && cls < known.length && known[cls];
        }
    }

    private final VmBinding vm;
    private volatile Table table = new Table(0);

    ClassLayouts(VmBinding vm) {
        this.vm = vm;
    }

    Table table() {
        return table;
    }

    /**
     * A snapshot that knows {@code cls} and every class loaded now; throws for an id that names no class. O(classes),
     * once per class that loads while the table is in use.
     */
    synchronized Table learn(int cls) {
        Table t = table;
        if (t.knows(cls)) {
            return t;
        }
        if (cls == FILLER_CLASS_ID || !vm.isValidClassId(cls)) {
            throw new IllegalStateException("uffd-gc: class id " + cls + " of a live object names no class");
        }
        // Every class loaded now (ids are dense), so the next miss is a class loaded after this call.
        int n = Math.max(cls + 1, t.known.length);
        while (vm.isValidClassId(n)) {
            n++;
        }
        Table g = new Table(n);
        for (int id = 0; id < n; id++) {
            if (id == FILLER_CLASS_ID || !vm.isValidClassId(id)) {
                continue;
            }
            int elem = vm.elementSize(id);
            g.known[id] = true;
            g.elementSize[id] = elem;
            g.instanceSize[id] = elem != 0 ? 0 : vm.sizeOf(id, 0);
            g.referenceOffsets[id] = elem != 0 ? NONE : vm.referenceOffsets(id);
            g.referenceArray[id] = elem != 0 && vm.isReferenceArray(id);
            g.hasSlots[id] = g.referenceArray[id] || g.referenceOffsets[id].length > 0;
        }
        table = g;
        return g;
    }

    private static final int[] NONE = {};
}
