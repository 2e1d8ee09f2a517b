import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/** Atomic*FieldUpdater on volatile fields: the lock-free idiom of libraries that avoid an object per counter. */
public class FieldUpdaters {
    volatile int count;
    volatile long bytes;
    volatile String state = "new";
    static final AtomicIntegerFieldUpdater<FieldUpdaters> COUNT = AtomicIntegerFieldUpdater.newUpdater(FieldUpdaters.class, "count");
    static final AtomicLongFieldUpdater<FieldUpdaters> BYTES = AtomicLongFieldUpdater.newUpdater(FieldUpdaters.class, "bytes");
    static final AtomicReferenceFieldUpdater<FieldUpdaters, String> STATE =
            AtomicReferenceFieldUpdater.newUpdater(FieldUpdaters.class, String.class, "state");

    public static void main(String[] args) throws InterruptedException {
        FieldUpdaters f = new FieldUpdaters();
        Thread[] ts = new Thread[3];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = new Thread(() -> {
                for (int k = 0; k < 1000; k++) {
                    COUNT.incrementAndGet(f);
                    BYTES.addAndGet(f, k);
                }
                STATE.compareAndSet(f, "new", "running");
            });
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        System.out.println(f.count + " " + f.bytes + " " + f.state + " " + STATE.getAndSet(f, "done") + " " + f.state);
    }
}
