package dev.uffdgc.experiments.swap;

/**
 * Sizes the guest workload (samples' SwapWorkload) for a heap: about 70% of the heap is allocated before the
 * first collection, {@code coldFraction} of it as long[] arrays of ~{@code arrayBytes}, the rest as 24-byte
 * hot nodes interleaved with them.
 */
record Workload(int arrays, int hotPerArray, int arrayLongs, int garbagePercent) {
    static final String MAIN_CLASS = "dev.uffdgc.samples.SwapWorkload";
    private static final int NODE_BYTES = 24;
    private static final double FILL = 0.70;

    static Workload forHeap(long heapBytes, double coldFraction, double garbageFraction) {
        long data = (long) (heapBytes * FILL);
        long cold = (long) (data * coldFraction);
        long arrayBytes = Math.clamp(heapBytes / 2048, 16 << 10, 256 << 10);
        int arrays = (int) Math.max(1, cold / (arrayBytes + 2048));
        long hot = data - cold;
        int hotPerArray = (int) Math.max(1, hot / arrays / NODE_BYTES);
        return new Workload(arrays, hotPerArray, (int) (arrayBytes / 8) - 256, (int) Math.round(garbageFraction * 100));
    }

    String[] args() {
        return new String[] {String.valueOf(arrays), String.valueOf(hotPerArray), String.valueOf(arrayLongs),
                String.valueOf(garbagePercent)};
    }
}
