import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Four threads count with AtomicInteger/AtomicLong and hand results over a ConcurrentLinkedQueue. */
public class AtomicCounters {
    public static void main(String[] args) throws InterruptedException {
        AtomicInteger hits = new AtomicInteger();
        AtomicLong total = new AtomicLong();
        ConcurrentLinkedQueue<String> done = new ConcurrentLinkedQueue<>();
        Thread[] ts = new Thread[4];
        for (int i = 0; i < ts.length; i++) {
            final int id = i;
            ts[i] = new Thread(() -> {
                for (int k = 0; k < 5000; k++) {
                    hits.incrementAndGet();
                    total.addAndGet(k % 7);
                }
                done.add("worker" + id);
            });
            ts[i].start();
        }
        for (Thread t : ts) t.join();
        System.out.println("hits " + hits.get() + " total " + total.get() + " finished " + done.size());
        System.out.println("cas " + hits.compareAndSet(20000, 1) + " -> " + hits.getAndAdd(41) + " " + hits);
    }
}
