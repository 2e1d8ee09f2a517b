package dev.uffdgc.samples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A threaded LRU cache service: N worker threads issue get/put over one shared LinkedHashMap in access order
 * (removeEldestEntry bounds it) behind a monitor, with a skewed (Zipf-like) key distribution from a fixed seed
 * per worker. A miss "loads" the value (builds a small string and a byte array), so the service allocates
 * steadily while the cache's live set stays bounded. Which worker hits depends on the interleaving, so the
 * program prints only what does not: per-worker request counts and checksums of the values each worker read
 * (every value is a pure function of its key), the total of hits + misses, and the cache's bound.
 *
 * <p>Usage: {@code ThreadedLruCache [workers] [requests per worker] [capacity]} (default 4 20000 256).
 */
public final class ThreadedLruCache {
    /** The cache: a LinkedHashMap in access order that drops its eldest entry beyond the capacity. */
    static final class Lru extends LinkedHashMap<Integer, byte[]> {
        private final int capacity;

        Lru(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
            return size() > capacity;
        }
    }

    /** The service: every operation holds the cache's monitor (access order makes even get a write). */
    static final class Service {
        private final Lru cache;
        private long hits;
        private long misses;

        Service(int capacity) {
            cache = new Lru(capacity);
        }

        synchronized byte[] get(int key) {
            byte[] v = cache.get(key);
            if (v != null) {
                hits++;
            }
            return v;
        }

        synchronized void put(int key, byte[] value) {
            misses++;
            cache.put(key, value);
        }

        synchronized long requests() {
            return hits + misses;
        }

        synchronized int size() {
            return cache.size();
        }
    }

    /** The value of a key, as a slow backing store would compute it: depends on the key only. */
    static byte[] load(int key) {
        String text = "value-" + key + "-" + Integer.toHexString(key * 0x9E3779B1);
        byte[] v = new byte[16 + key % 48];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) text.charAt(i % text.length());
        }
        return v;
    }

    static long checksum(byte[] v) {
        long h = v.length;
        for (byte b : v) {
            h = h * 31 + b;
        }
        return h;
    }

    /** Skewed keys: a key in [0, 2^k) with k uniform in [1, 14], so small keys are far more frequent. */
    static int skewedKey(Rng rng) {
        return rng.nextInt(1 << rng.between(1, 14));
    }

    /** One worker's requests; returns "requests checksum" for its line. */
    static long[] work(Service service, long seed, int requests) {
        Rng rng = new Rng(seed);
        long sum = 0;
        for (int i = 0; i < requests; i++) {
            int key = skewedKey(rng);
            byte[] v = service.get(key);
            if (v == null) {
                v = load(key);
                service.put(key, v);
            }
            sum += checksum(v);
        }
        return new long[] {requests, sum};
    }

    public static void main(String[] args) throws InterruptedException {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
        int capacity = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        Service service = new Service(capacity);
        long[][] results = new long[workers][];
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            final int id = w;
            Thread t = new Thread(() -> results[id] = work(service, 1000 + id, requests), "lru-worker-" + id);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long total = 0;
        for (int w = 0; w < workers; w++) {
            System.out.println("worker " + w + " requests " + results[w][0] + " checksum " + results[w][1]);
            total += results[w][1];
        }
        System.out.println("requests " + service.requests() + " (want " + (long) workers * requests + ")");
        System.out.println("cache size " + service.size() + " bounded " + (service.size() <= capacity));
        System.out.println("total checksum " + total);
    }
}
