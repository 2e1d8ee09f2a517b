import java.util.ArrayDeque;
import java.util.Deque;

/** A bounded buffer with synchronized, wait and notifyAll: two producers, two consumers, checksums at the end. */
public class ProducerConsumer {
    static final class Buffer {
        private final Deque<Integer> items = new ArrayDeque<>();
        private final int capacity;
        Buffer(int capacity) { this.capacity = capacity; }

        synchronized void put(int v) throws InterruptedException {
            while (items.size() == capacity) wait();
            items.addLast(v);
            notifyAll();
        }

        synchronized int take() throws InterruptedException {
            while (items.isEmpty()) wait();
            int v = items.removeFirst();
            notifyAll();
            return v;
        }
    }

    public static void main(String[] args) throws Exception {
        int perProducer = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Buffer buf = new Buffer(8);
        long[] sums = new long[2];
        int[] counts = new int[2];
        Thread[] producers = new Thread[2];
        for (int p = 0; p < 2; p++) {
            final int base = p * 1_000_000;
            producers[p] = new Thread(() -> {
                try {
                    for (int i = 1; i <= perProducer; i++) buf.put(base + i);
                } catch (InterruptedException e) { throw new RuntimeException(e); }
            }, "producer-" + p);
        }
        Thread[] consumers = new Thread[2];
        for (int c = 0; c < 2; c++) {
            final int me = c;
            consumers[c] = new Thread(() -> {
                try {
                    while (true) {
                        int v = buf.take();
                        if (v < 0) break;
                        sums[me] += v;
                        counts[me]++;
                    }
                } catch (InterruptedException e) { throw new RuntimeException(e); }
            }, "consumer-" + c);
        }
        for (Thread t : consumers) t.start();
        for (Thread t : producers) t.start();
        for (Thread t : producers) t.join();
        buf.put(-1);
        buf.put(-1);
        for (Thread t : consumers) t.join();
        System.out.println("items consumed: " + (counts[0] + counts[1]));
        System.out.println("sum: " + (sums[0] + sums[1]));
        long expected = 0;
        for (int p = 0; p < 2; p++) for (int i = 1; i <= perProducer; i++) expected += p * 1_000_000L + i;
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>("none");
        System.out.println("exchange " + stop.compareAndExchange(false, true) + " " + stop.compareAndExchange(false, true)
                + " " + last.compareAndExchange("none", "done") + " " + last.weakCompareAndSet("x", "y") + " " + last.get());
        System.out.println("expected: " + expected + (expected == sums[0] + sums[1] ? " ok" : " MISMATCH"));
    }
}
