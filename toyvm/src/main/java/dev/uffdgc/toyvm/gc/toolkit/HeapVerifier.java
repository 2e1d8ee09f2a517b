package dev.uffdgc.toyvm.gc.toolkit;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.seam.VmBinding;
import static dev.uffdgc.toyvm.heap.ObjectLayout.*;

import dev.uffdgc.toyvm.heap.HeapAccess;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * HotSpot's VerifyBeforeGC/VerifyAfterGC idea, through the seam only:
 * <ul>
 * <li>structure: the heap parses from the first object to top (valid class ids, sizes in bounds, large objects
 *     page-aligned), every root and every reference slot points at the start of a non-filler object;</li>
 * <li>a canonical hash of the graph reachable from the roots, in root order, breadth-first: class, identity
 *     hash, primitive bytes, and references as the visit number of their target — addresses excluded, so a
 *     correct compaction leaves it unchanged.</li>
 * </ul>
 */
public final class HeapVerifier {
    private final VmBinding vm;
    private final HeapAccess mem;
    /** Roots the last graph hash started from: a changed hash says whether the root set changed too. */
    private int roots;

    public HeapVerifier(VmBinding vm) {
        this.vm = vm;
        this.mem = vm.heap();
    }

    /** Checks the structure (throws IllegalStateException naming the problem) and returns the graph hash. */
    public long verify(String when) {
        BitSet objects = parse(when);
        checkReferences(objects, when);
        return graphHash();
    }

    /** {@link #verify}, and the graph hash must equal {@code expected} (what it was before a cycle). */
    public void expectHash(long expected, String when) {
        int rootsBefore = roots;
        long now = verify(when);
        if (now != expected) {
            throw new IllegalStateException("toyvm verify " + when + ": heap graph changed: "
                    + Long.toHexString(expected) + " -> " + Long.toHexString(now) + " (roots " + rootsBefore
                    + " at this verifier's previous hash, " + roots + " now)");
        }
    }

    /** Every root points at a marked object (checked in a pause, before anything moves). */
    public void checkRootsMarked(MarkBitmap bits, String when) {
        vm.forEachRoot(ref -> {
            if (!bits.isStart(ObjectLayout.offset(ref))) {
                throw new IllegalStateException("toyvm verify " + when + ": root -> " + ref + " is not marked");
            }
            return ref;
        });
    }

    private BitSet parse(String when) {
        BitSet objects = new BitSet();
        long top = vm.top();
        long at = vm.firstObject();
        while (at < top) {
            int id = vm.classId(mem, at);
            if (!vm.isValidClassId(id)) {
                throw new IllegalStateException("toyvm verify " + when + ": bad class id " + id + " at " + at);
            }
            long size = vm.objectSize(at);
            if (size <= 0 || (size & 7) != 0 || at + size > top) {
                throw new IllegalStateException("toyvm verify " + when + ": bad size " + size + " of "
                        + vm.className(at) + " at " + at + " (top " + top + ")");
            }
            if (!vm.isFiller(at)) {
                if (size >= LARGE_OBJECT_BYTES && (at & (PAGE_SIZE - 1)) != 0) {
                    throw new IllegalStateException("toyvm verify " + when + ": large object at " + at + " not page-aligned");
                }
                objects.set((int) (at >>> 3));
            }
            at += size;
        }
        if (at != top) {
            throw new IllegalStateException("toyvm verify " + when + ": heap walk ended at " + at + ", top " + top);
        }
        return objects;
    }

    private void checkReferences(BitSet objects, String when) {
        vm.forEachRoot(ref -> {
            check(objects, ref, "root", when);
            return ref;
        });
        objects.stream().forEach(g -> vm.scanObject((long) g << 3, slot -> {
            int ref = mem.getInt(slot);
            if (ref != 0) {
                check(objects, ref, vm.className((long) g << 3) + "@" + ((long) g << 3) + "+" + (slot - ((long) g << 3)), when);
            }
        }));
    }

    private static void check(BitSet objects, int ref, String from, String when) {
        long at = ObjectLayout.offset(ref);
        if ((at & 7) != 0 || at >>> 3 > Integer.MAX_VALUE || !objects.get((int) (at >>> 3))) {
            throw new IllegalStateException("toyvm verify " + when + ": " + from + " -> " + ref + " is not an object");
        }
    }

    private long graphHash() {
        Map<Integer, Integer> number = new HashMap<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        long[] h = {17};
        int[] n = {0};
        vm.forEachRoot(ref -> {
            n[0]++;
            h[0] = mix(h[0], visit(number, queue, ref));
            return ref;
        });
        roots = n[0];
        while (!queue.isEmpty()) {
            int obj = queue.poll();
            h[0] = mix(h[0], vm.className(ObjectLayout.offset(obj)).hashCode());
            long size = vm.objectSize(ObjectLayout.offset(obj));
            BitSet refSlots = new BitSet();
            vm.scanObject(ObjectLayout.offset(obj), slot -> refSlots.set((int) (slot - ObjectLayout.offset(obj))));
            for (long off = HASH_OFFSET; off < size; off += 4) {
                int word = mem.getInt(ObjectLayout.offset(obj) + off);
                if (refSlots.get((int) off)) {
                    word = word == 0 ? -1 : visit(number, queue, word);
                }
                h[0] = mix(h[0], word);
            }
        }
        return h[0];
    }

    private static int visit(Map<Integer, Integer> number, ArrayDeque<Integer> queue, int ref) {
        Integer n = number.get(ref);
        if (n == null) {
            n = number.size();
            number.put(ref, n);
            queue.add(ref);
        }
        return n;
    }

    private static long mix(long h, long v) {
        h ^= v;
        h *= 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
