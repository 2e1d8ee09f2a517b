package dev.uffdgc.samples;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.VmOptions;
import dev.uffdgc.toyvm.seam.Collector;

/**
 * The figures toyvm's gc log rounds to whole MB (like HotSpot's), exactly: an untimed run of a sample inside
 * this JVM, through toyvm's API, that counts the bytes the guest allocated ({@code Heap.allocatedBytes}) and the
 * heap occupancy after each collection (a collector wrapped around the built-in one, as the agent will do).
 * Deterministic programs on a deterministic VM: the collections happen where they happen in the timed runs.
 */
final class ToyvmStats {
    /**
     * allocated: every byte handed out; liveAfterSum: occupancy after each collection, summed; pauseNanos: time
     * inside the collector's entry (stopping the world, collecting, resuming), summed; ttsp: each pause's time
     * to safepoint in ns (VmBinding.timesToSafepoint).
     */
    record Stats(long allocated, int collections, long liveAfterSum, long pauseNanos, long[] ttsp) {}

    private ToyvmStats() {}

    static Stats measure(Path guestClasses, SampleLine sample, String heap) {
        VmOptions options = new VmOptions();
        options.heapBytes = VmOptions.parseSize(heap);
        options.classPath = guestClasses.toString();
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        Vm vm = new Vm(options, discard, discard);
        Collector builtIn = vm.collector();
        long[] liveAfterSum = new long[1];
        long[] pauseNanos = new long[1];
        vm.binding.installCollector(new Collector() {
            @Override
            public void collect(Cause cause, long requestBytes) {
                long begin = System.nanoTime();
                builtIn.collect(cause, requestBytes);
                pauseNanos[0] += System.nanoTime() - begin;
                liveAfterSum[0] += vm.heap.used();
            }

            @Override
            public int collections() {
                return builtIn.collections();
            }
        });
        // The install is a pause of its own (nobody to stop yet): leave it out of the collections' ttsp.
        int installPauses = vm.binding.timesToSafepoint().length;
        int status = vm.runMain(sample.mainClass(), sample.args().toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException(sample + " exited " + status + " in the in-process stats run");
        }
        return new Stats(vm.heap.allocatedBytes(), builtIn.collections(), liveAfterSum[0], pauseNanos[0],
                java.util.Arrays.copyOfRange(vm.binding.timesToSafepoint(), installPauses,
                        vm.binding.timesToSafepoint().length));
    }
}
