package dev.uffdgc.agent.compact;

import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SHIFT;

import dev.uffdgc.kernel.Memory;
import dev.uffdgc.toyvm.gc.synthetic.SyntheticHeap;
import dev.uffdgc.toyvm.gc.toolkit.Forwarding;
import dev.uffdgc.toyvm.gc.toolkit.MarkBitmap;
import dev.uffdgc.toyvm.gc.toolkit.Tracer;
import dev.uffdgc.toyvm.heap.HeapAccess;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

/**
 * A measuring driver, not a test (issue 11): thread CPU per MiB of the concurrent compactor's plan and page build
 * beside the stop-the-world collector's plan, update and slide, on the same synthetic dense heap (pairs of a node
 * and an {@code int[6..13]}, {@code garbage} per mille of pairs dead, interleaved), one thread, no userfaultfd. The
 * build runs in place, ascending, as MOVE recycles pages; with {@code -Dapart=true} into a separate region, best of
 * 10, which repeats (in place consumes the from-space). Arguments: pairs, garbage per mille, repetitions, and
 * {@code agent}, {@code stw} or {@code both}. After {@code ./mvnw -o -pl agent -am package -DskipTests}:
 * <pre>
 * java --enable-native-access=ALL-UNNAMED --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -Dapart=true \
 *   -cp agent/target/test-classes:agent/target/classes:toyvm/target/classes:kernel/target/classes \
 *   dev.uffdgc.agent.compact.BuildCostDriver 240000 30 8 both
 * </pre>
 */
public final class BuildCostDriver {
    static final ThreadMXBean T = ManagementFactory.getThreadMXBean();

    static SyntheticHeap heap(int pairs, int garbagePerMille) {
        SyntheticHeap h = new SyntheticHeap(128 << 20);
        Random r = new Random(7);
        int prev = 0;
        for (int i = 0; i < pairs; i++) {
            int a = h.array(SyntheticHeap.INTS, 6 + i % 8);
            if (r.nextInt(1000) < garbagePerMille) {
                h.node(0, 0, i);
                h.array(SyntheticHeap.INTS, 6 + i % 8);
            }
            prev = h.node(prev, a, i);
        }
        h.addRoot(prev);
        return h;
    }

    public static void main(String[] args) {
        int pairs = Integer.parseInt(args[0]);
        int garbage = Integer.parseInt(args[1]);
        int reps = Integer.parseInt(args[2]);
        String which = args.length > 3 ? args[3] : "both";
        for (int rep = 0; rep < reps; rep++) {
            StringBuilder line = new StringBuilder("rep " + rep);
            if (!which.equals("stw")) {
                SyntheticHeap h = heap(pairs, garbage);
                Marker m = new Marker(h);
                Plan plan = new Plan(m, h);
                h.stopTheWorld();
                m.mark(h.top());
                long c0 = T.getCurrentThreadCpuTime();
                plan.compute(h.top(), 95);
                long c1 = T.getCurrentThreadCpuTime();
                MemorySegment heapSeg = h.rawHeap().region();
                MemorySegment from = Memory.mmapAnonymous((long) plan.oldPages << PAGE_SHIFT);
                MemorySegment.copy(heapSeg, 0, from, 0, plan.oldTop);
                HeapAccess fromView = h.heap().at(from.address());
                PageBuilder b = new PageBuilder(h, m, plan);
                long c2 = T.getCurrentThreadCpuTime();
                long c3 = c2;
                if (Boolean.getBoolean("apart")) { // into a separate region, best of 10: repeatable, no in-place memmove
                    MemorySegment built = Memory.mmapAnonymous((long) plan.destPages << PAGE_SHIFT);
                    long best = Long.MAX_VALUE;
                    for (int k = 0; k < 10; k++) {
                        long t0 = T.getCurrentThreadCpuTime();
                        for (int p = 0; p < plan.destPages; p++) {
                            b.build(p, built.asSlice((long) p << PAGE_SHIFT, 4096), from, fromView);
                        }
                        best = Math.min(best, T.getCurrentThreadCpuTime() - t0);
                    }
                    c3 = c2 + best;
                    Memory.munmap(built);
                } else {
                    for (int p = 0; p < plan.destPages; p++) {
                        b.build(p, from.asSlice((long) p << PAGE_SHIFT, 4096), from, fromView);
                    }
                    c3 = T.getCurrentThreadCpuTime();
                }
                double mib = plan.newTop / 1048576.0;
                line.append(String.format(" agent plan %.3f build %.3f ms/MiB (prefix %d KiB of %.1f MiB)",
                        (c1 - c0) / 1e6 / mib, (c3 - c2) / 1e6 / mib, plan.densePrefixEnd >> 10, mib));
                h.resumeTheWorld();
                Memory.munmap(from);
                Memory.madvise(heapSeg, dev.uffdgc.kernel.uapi.Mman.MADV_DONTNEED);
            }
            if (!which.equals("agent")) {
                SyntheticHeap h = heap(pairs, garbage);
                h.stopTheWorld();
                MarkBitmap bits = new MarkBitmap(h.end());
                Tracer tr = new Tracer(h, bits);
                Forwarding f = new Forwarding(h, bits);
                long top = h.top();
                tr.trace(top, Tracer.NO_HOOK);
                long c0 = T.getCurrentThreadCpuTime();
                long newTop = f.plan(top, 0, null);
                long c1 = T.getCurrentThreadCpuTime();
                f.updateReferences(top);
                long c2 = T.getCurrentThreadCpuTime();
                HeapAccess mem = h.heap();
                f.relocate(top, new Forwarding.Mover() {
                    @Override
                    public void gap(long at, long bytes, long next) {
                        h.writeFiller(at, bytes);
                    }

                    @Override
                    public long move(long obj, long dest, long size) {
                        if (dest != obj) {
                            mem.copy(obj, dest, size);
                        }
                        return dest + size;
                    }
                });
                long c3 = T.getCurrentThreadCpuTime();
                double mib = newTop / 1048576.0;
                line.append(String.format(" | stw plan %.3f update %.3f slide %.3f ms/MiB",
                        (c1 - c0) / 1e6 / mib, (c2 - c1) / 1e6 / mib, (c3 - c2) / 1e6 / mib));
                h.resumeTheWorld();
                Memory.madvise(h.rawHeap().region(), dev.uffdgc.kernel.uapi.Mman.MADV_DONTNEED);
            }
            System.out.println(line);
        }
    }
}
