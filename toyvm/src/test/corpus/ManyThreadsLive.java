import java.util.concurrent.CountDownLatch;

/** Starts many threads that all stay live at once (each waits on one gate), then lets them finish and sums. */
public class ManyThreadsLive {
    public static void main(String[] args) throws InterruptedException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        CountDownLatch started = new CountDownLatch(n);
        CountDownLatch gate = new CountDownLatch(1);
        long[] results = new long[n];
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            final int id = i;
            threads[i] = new Thread(() -> {
                started.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
                long s = 0;
                for (int k = 0; k <= id; k++) s += k;
                results[id] = s;
            }, "worker-" + i);
            threads[i].start();
        }
        started.await();
        int alive = 0;
        for (Thread t : threads) if (t.isAlive()) alive++;
        System.out.println("live at once: " + alive + " of " + n);
        gate.countDown();
        for (Thread t : threads) t.join();
        long total = 0;
        for (long r : results) total += r;
        System.out.println("threads finished: " + n + ", sum " + total);
    }
}
