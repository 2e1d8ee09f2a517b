import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

/** java.util.concurrent as application code uses it: a fixed pool, futures, invokeAll, latches, atomics. */
public class ExecutorsDemo {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Long>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            final int from = t * 1000;
            futures.add(pool.submit(() -> {
                long s = 0;
                for (int i = from; i < from + 1000; i++) s += (long) i * i;
                return s;
            }));
        }
        long total = 0;
        for (Future<Long> f : futures) total += f.get();
        System.out.println("sum of squares " + total);
        AtomicInteger counter = new AtomicInteger();
        AtomicLong big = new AtomicLong();
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 1000; i++) { counter.incrementAndGet(); big.addAndGet(i); }
                done.countDown();
            });
        }
        done.await();
        System.out.println(counter.get() + " " + big.get());
        List<Callable<String>> tasks = List.of(() -> "a", () -> "b", () -> "c");
        StringBuilder sb = new StringBuilder();
        for (Future<String> f : pool.invokeAll(tasks)) sb.append(f.get());
        System.out.println(sb);
        ConcurrentHashMap<String, Integer> chm = new ConcurrentHashMap<>();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < 4; t++) fs.add(pool.submit(() -> { for (int i = 0; i < 100; i++) chm.merge("k" + (i % 5), 1, Integer::sum); }));
        for (Future<?> f : fs) f.get();
        System.out.println(new TreeMap<>(chm));
        Future<?> failing = pool.submit(() -> { throw new IllegalStateException("task failed"); });
        try { failing.get(); } catch (ExecutionException e) { System.out.println("ExecutionException: " + e.getCause()); }
        pool.shutdown();
        System.out.println(pool.awaitTermination(10, TimeUnit.SECONDS) + " " + pool.isShutdown());
    }
}
