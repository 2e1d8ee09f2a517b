import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Allocation stress on 4 guest threads through an ExecutorService: each task runs an LRU cache
 * (LinkedHashMap in access order with removeEldestEntry) under a skewed key distribution and builds binary
 * trees, while all tasks merge into one ConcurrentHashMap and one synchronized list. Every printed number is
 * a per-task result or a sum, so the output does not depend on the interleaving.
 */
public class ThreadedLruStress {
    static final class Lru<K, V> extends LinkedHashMap<K, V> {
        private final int capacity;

        Lru(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
        }
    }

    record Node(Node left, Node right, int value) {
        int check() {
            return value + (left == null ? 0 : left.check() - right.check());
        }
    }

    static Node tree(int depth, int value) {
        return depth == 0 ? new Node(null, null, value) : new Node(tree(depth - 1, 2 * value - 1), tree(depth - 1, 2 * value), value);
    }

    static long task(int id, int rounds, ConcurrentHashMap<Integer, Long> shared, List<String> log) {
        Random r = new Random(1000 + id);
        Lru<Integer, String> cache = new Lru<>(64);
        long hits = 0;
        long checks = 0;
        for (int i = 0; i < rounds; i++) {
            int key = (int) Math.abs(r.nextGaussian() * 40);
            String v = cache.get(key);
            if (v != null) {
                hits++;
            } else {
                cache.put(key, "v" + key + "-" + i);
            }
            if (i % 50 == 0) {
                checks += tree(6, i).check();
            }
            shared.merge(key % 32, 1L, Long::sum);
        }
        log.add("task " + id + " hits " + hits + " checks " + checks + " eldest " + cache.keySet().iterator().next());
        return hits * 31 + checks;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ConcurrentHashMap<Integer, Long> shared = new ConcurrentHashMap<>();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        AtomicLong total = new AtomicLong();
        List<Future<Long>> results = new ArrayList<>();
        for (int id = 0; id < 8; id++) {
            final int taskId = id;
            results.add(pool.submit(() -> {
                long v = task(taskId, rounds, shared, log);
                total.addAndGet(v);
                return v;
            }));
        }
        long sum = 0;
        for (Future<Long> f : results) {
            sum += f.get();
        }
        pool.shutdown();
        System.out.println("terminated " + pool.awaitTermination(1, TimeUnit.MINUTES));
        Collections.sort(log);
        for (String line : log) {
            System.out.println(line);
        }
        long ops = 0;
        for (long n : shared.values()) {
            ops += n;
        }
        System.out.println("sum " + sum + " total " + total.get() + " ops " + ops + " keys " + new TreeMap<>(shared).keySet());
    }
}
