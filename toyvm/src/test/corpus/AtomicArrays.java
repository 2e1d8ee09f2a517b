import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** The long and reference arrays' operations, then a histogram filled by threads in an AtomicIntegerArray. */
public class AtomicArrays {
    public static void main(String[] args) throws InterruptedException {
        AtomicLongArray longs = new AtomicLongArray(3);
        longs.set(0, 40);
        System.out.println(longs.getAndAdd(0, 2) + " " + longs.compareAndSet(0, 42, 1) + " " + longs);
        AtomicReferenceArray<String> refs = new AtomicReferenceArray<>(new String[] {"a", "b"});
        System.out.println(refs.getAndSet(1, "c") + " " + refs.accumulateAndGet(0, "z", String::concat) + " " + refs);
        AtomicIntegerArray histogram = new AtomicIntegerArray(10);
        Thread[] ts = new Thread[3];
        for (int i = 0; i < ts.length; i++) {
            final int seed = i;
            ts[i] = new Thread(() -> {
                for (int k = 0; k < 3000; k++) {
                    histogram.incrementAndGet((k * 7 + seed) % 10);
                }
            });
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        System.out.println(histogram);
    }
}
