import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.concurrent.locks.*;

/** java.util.concurrent from the JDK on guest threads: atomics, latches, locks, executors, ConcurrentHashMap. */
public class ConcurrentLib {
    static volatile boolean stop;

    public static void main(String[] args) throws Exception {
        AtomicInteger ai = new AtomicInteger();
        AtomicLong al = new AtomicLong(10);
        AtomicReference<String> ar = new AtomicReference<>("a");
        AtomicBoolean ab = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(4);
        ConcurrentHashMap<Integer, Integer> chm = new ConcurrentHashMap<>();
        ReentrantLock lock = new ReentrantLock();
        int[] guarded = new int[1];
        for (int i = 0; i < 4; i++) {
            final int id = i;
            new Thread(() -> {
                try {
                    start.await();
                    for (int k = 0; k < 5000; k++) {
                        ai.incrementAndGet();
                        al.addAndGet(2);
                        chm.merge(k % 100, 1, Integer::sum);
                        lock.lock();
                        try {
                            guarded[0]++;
                        } finally {
                            lock.unlock();
                        }
                    }
                    ar.accumulateAndGet("" + id, (x, y) -> x.length() < 10 ? x + "." : x);
                    ab.compareAndSet(false, true);
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        start.countDown();
        System.out.println("awaited " + done.await(60, TimeUnit.SECONDS));
        System.out.println(ai.get() + " " + al.get() + " " + ar.get().length() + " " + ab.get() + " " + guarded[0]);
        System.out.println(chm.size() + " " + chm.get(7) + " " + chm.values().stream().mapToInt(Integer::intValue).sum());
        System.out.println(new TreeMap<>(chm).headMap(5));

        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Long>> fs = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            final int n = i * 1000;
            fs.add(pool.submit(() -> {
                long s = 0;
                for (int k = 0; k < n; k++) s += k;
                return s;
            }));
        }
        long total = 0;
        for (Future<Long> f : fs) total += f.get();
        Future<?> failing = pool.submit(() -> { throw new IllegalStateException("task failed"); });
        try {
            failing.get();
        } catch (ExecutionException e) {
            System.out.println("execution exception: " + e.getCause());
        }
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) { final int v = i; calls.add(() -> v * v); }
        int sq = 0;
        for (Future<Integer> f : pool.invokeAll(calls)) sq += f.get();
        pool.shutdown();
        System.out.println("total " + total + " squares " + sq + " terminated " + pool.awaitTermination(60, TimeUnit.SECONDS) + " " + pool.isShutdown());

        BlockingQueue<Integer> q = new ArrayBlockingQueue<>(4);
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < 100; i++) q.put(i);
                q.put(-1);
            } catch (InterruptedException e) { }
        });
        producer.start();
        int sum = 0;
        for (int v; (v = q.take()) >= 0; ) sum += v;
        producer.join();
        System.out.println("queue sum " + sum);

        Thread spinner = new Thread(() -> { long n = 0; while (!stop) n++; System.out.println("spinner stopped"); });
        spinner.start();
        Thread.sleep(20);
        stop = true;
        spinner.join();

        ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        rw.readLock().lock(); rw.readLock().unlock(); rw.writeLock().lock(); rw.writeLock().unlock();
        Semaphore sem = new Semaphore(2);
        sem.acquire(); sem.release();
        CyclicBarrier barrier = new CyclicBarrier(2);
        Thread other = new Thread(() -> { try { barrier.await(); } catch (Exception e) { } });
        other.start();
        barrier.await();
        other.join();
        System.out.println("locks ok " + sem.availablePermits());
        CopyOnWriteArrayList<String> cow = new CopyOnWriteArrayList<>(List.of("x", "y"));
        cow.add("z");
        System.out.println(cow + " " + cow.size());
    }
}
