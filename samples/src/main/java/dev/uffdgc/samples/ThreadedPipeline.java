package dev.uffdgc.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * A threaded producer/consumer pipeline over a bounded queue written with synchronized, wait and notifyAll:
 * producers generate records (strings and arrays from a fixed seed each), consumers parse and fold them. Full
 * and empty queues make threads wait, so the run exercises monitors, wait/notify and threads blocked while
 * collections happen. Which consumer takes which record depends on the interleaving, so the program prints
 * per-producer counts and checksums and an order-independent total (a sum) of what consumers saw.
 *
 * <p>Usage: {@code ThreadedPipeline [producers] [consumers] [records per producer] [queue capacity]}
 * (default 3 2 6000 16).
 */
public final class ThreadedPipeline {
    /** The end-of-stream marker, one per consumer. */
    static final String POISON = "<end>";

    /** A bounded FIFO queue: put waits while full, take waits while empty. */
    static final class BoundedQueue {
        private final Object[] items;
        private int head;
        private int count;
        private long maxSeen;

        BoundedQueue(int capacity) {
            items = new Object[capacity];
        }

        synchronized void put(Object item) throws InterruptedException {
            while (count == items.length) {
                wait();
            }
            items[(head + count) % items.length] = item;
            count++;
            maxSeen = Math.max(maxSeen, count);
            notifyAll();
        }

        synchronized Object take() throws InterruptedException {
            while (count == 0) {
                wait();
            }
            Object item = items[head];
            items[head] = null;
            head = (head + 1) % items.length;
            count--;
            notifyAll();
            return item;
        }

        synchronized boolean neverOverfilled() {
            return maxSeen <= items.length;
        }
    }

    /** A record: "p<producer>:<seq>:<payload>", payload a run of digits. */
    static String record(int producer, int seq, Rng rng) {
        StringBuilder sb = new StringBuilder("p").append(producer).append(':').append(seq).append(':');
        int n = rng.between(4, 40);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + rng.nextInt(10)));
        }
        return sb.toString();
    }

    /** What a consumer computes from one record: depends on the record only. */
    static long digest(String record) {
        String[] parts = record.split(":");
        int[] digits = new int[parts[2].length()];
        long h = Integer.parseInt(parts[1]);
        for (int i = 0; i < digits.length; i++) {
            digits[i] = parts[2].charAt(i) - '0';
            h = h * 31 + digits[i];
        }
        return h ^ parts[0].hashCode();
    }

    public static void main(String[] args) throws InterruptedException {
        int producers = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int consumers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int records = args.length > 2 ? Integer.parseInt(args[2]) : 6000;
        int capacity = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        BoundedQueue queue = new BoundedQueue(capacity);
        long[] produced = new long[producers];
        long[] consumedSum = new long[consumers];
        int[] consumedCount = new int[consumers];
        List<Thread> producerThreads = new ArrayList<>();
        List<Thread> consumerThreads = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            final int id = c;
            consumerThreads.add(new Thread(() -> {
                try {
                    for (Object item = queue.take(); item != POISON; item = queue.take()) {
                        consumedSum[id] += digest((String) item);
                        consumedCount[id]++;
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException("consumer interrupted", e);
                }
            }, "consumer-" + c));
        }
        for (int p = 0; p < producers; p++) {
            final int id = p;
            producerThreads.add(new Thread(() -> {
                Rng rng = new Rng(77 + id);
                try {
                    for (int seq = 0; seq < records; seq++) {
                        String r = record(id, seq, rng);
                        produced[id] += digest(r);
                        queue.put(r);
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException("producer interrupted", e);
                }
            }, "producer-" + p));
        }
        consumerThreads.forEach(Thread::start);
        producerThreads.forEach(Thread::start);
        for (Thread t : producerThreads) {
            t.join();
        }
        for (int c = 0; c < consumers; c++) {
            queue.put(POISON);
        }
        for (Thread t : consumerThreads) {
            t.join();
        }
        long producedTotal = 0;
        for (int p = 0; p < producers; p++) {
            System.out.println("producer " + p + " records " + records + " checksum " + produced[p]);
            producedTotal += produced[p];
        }
        long consumedTotal = 0;
        int count = 0;
        for (int c = 0; c < consumers; c++) {
            consumedTotal += consumedSum[c];
            count += consumedCount[c];
        }
        System.out.println("consumed " + count + " records, checksum " + consumedTotal);
        System.out.println("pipeline intact " + (count == producers * records && consumedTotal == producedTotal));
        System.out.println("queue never overfilled " + queue.neverOverfilled());
    }
}
