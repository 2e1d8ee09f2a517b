import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

/** Fork/join as the tutorials teach it: RecursiveTask/RecursiveAction/CountedCompleter on custom pools and the common pool. */
public class ForkJoinTasks {
    static class Fib extends RecursiveTask<Long> {
        final int n;
        Fib(int n) { this.n = n; }
        @Override protected Long compute() {
            if (n <= 12) return slow(n);
            Fib f1 = new Fib(n - 1);
            f1.fork();
            Fib f2 = new Fib(n - 2);
            return f2.compute() + f1.join();
        }
        static long slow(int n) { return n < 2 ? n : slow(n - 1) + slow(n - 2); }
    }

    static class SortAction extends RecursiveAction {
        final int[] a, tmp; final int lo, hi;
        SortAction(int[] a, int[] tmp, int lo, int hi) { this.a = a; this.tmp = tmp; this.lo = lo; this.hi = hi; }
        @Override protected void compute() {
            if (hi - lo < 256) { Arrays.sort(a, lo, hi); return; }
            int mid = (lo + hi) >>> 1;
            invokeAll(new SortAction(a, tmp, lo, mid), new SortAction(a, tmp, mid, hi));
            System.arraycopy(a, lo, tmp, lo, hi - lo);
            int i = lo, j = mid, k = lo;
            while (i < mid && j < hi) a[k++] = tmp[i] <= tmp[j] ? tmp[i++] : tmp[j++];
            while (i < mid) a[k++] = tmp[i++];
            while (j < hi) a[k++] = tmp[j++];
        }
    }

    /** Counts the primes in [lo, hi) with a completer tree; the root's result is the sum of its leaves. */
    static class PrimeCounter extends CountedCompleter<Integer> {
        final int lo, hi; final AtomicInteger sink;
        PrimeCounter(CountedCompleter<?> parent, int lo, int hi, AtomicInteger sink) { super(parent); this.lo = lo; this.hi = hi; this.sink = sink; }
        @Override public void compute() {
            int l = lo, h = hi;
            while (h - l > 500) {
                int mid = (l + h) >>> 1;
                addToPendingCount(1);
                new PrimeCounter(this, mid, h, sink).fork();
                h = mid;
            }
            int c = 0;
            for (int i = l; i < h; i++) if (isPrime(i)) c++;
            sink.addAndGet(c);
            tryComplete();
        }
        @Override public Integer getRawResult() { return sink.get(); }
        static boolean isPrime(int n) { if (n < 2) return false; for (int d = 2; d * d <= n; d++) if (n % d == 0) return false; return true; }
    }

    public static void main(String[] args) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(3);
        System.out.println("fib(24) = " + pool.invoke(new Fib(24)) + ", parallelism " + pool.getParallelism());
        String name = pool.submit(() -> Thread.currentThread().getName()).get();
        System.out.println("worker name " + name.replaceAll("\\d+$", "N") + " daemon=" + pool.submit(() -> Thread.currentThread().isDaemon()).get()
                + " inPool=" + pool.submit(() -> ForkJoinTask.inForkJoinPool()).get() + " main inPool=" + ForkJoinTask.inForkJoinPool());

        Random r = new Random(11);
        int[] data = new int[20_000];
        for (int i = 0; i < data.length; i++) data[i] = r.nextInt(1_000_000);
        int[] copy = data.clone();
        pool.invoke(new SortAction(data, new int[data.length], 0, data.length));
        Arrays.sort(copy);
        System.out.println("merge sort ok " + Arrays.equals(data, copy) + " min " + data[0] + " max " + data[data.length - 1]);

        System.out.println("primes below 30000: " + pool.invoke(new PrimeCounter(null, 0, 30_000, new AtomicInteger())));
        System.out.println("common pool fib(20) = " + ForkJoinPool.commonPool().invoke(new Fib(20)) + ", " + new Fib(22).invoke());

        ForkJoinTask<Integer> failing = pool.submit(() -> { if (data.length > 0) throw new IllegalArgumentException("bad input"); return 1; });
        try { failing.get(); } catch (ExecutionException e) { System.out.println("ExecutionException: " + e.getCause()); }
        try { failing.join(); } catch (RuntimeException e) { System.out.println("join threw " + e.getClass().getSimpleName() + ": " + e.getMessage()); }
        System.out.println("completedAbnormally " + failing.isCompletedAbnormally() + " cancelled " + failing.isCancelled());

        List<Callable<String>> calls = new ArrayList<>();
        for (String s : List.of("alpha", "beta", "gamma", "delta")) calls.add(() -> s.toUpperCase() + s.length());
        StringBuilder sb = new StringBuilder();
        for (Future<String> f : pool.invokeAll(calls)) sb.append(f.get()).append(' ');
        System.out.println(sb.toString().trim());

        CountDownLatch gate = new CountDownLatch(1);
        ForkJoinTask<?> blocked = pool.submit(() -> {
            try {
                ForkJoinPool.managedBlock(new ForkJoinPool.ManagedBlocker() {
                    public boolean block() throws InterruptedException { gate.await(); return true; }
                    public boolean isReleasable() { return gate.getCount() == 0; }
                });
            } catch (InterruptedException e) { throw new RuntimeException(e); }
            return null;
        });
        Thread.sleep(20);
        gate.countDown();
        blocked.get(5, TimeUnit.SECONDS);
        System.out.println("managed block released " + blocked.isDone());

        ForkJoinPool second = new ForkJoinPool(2);
        System.out.println("second pool sum " + second.submit(() -> java.util.stream.IntStream.range(0, 1000).parallel().sum()).get());
        second.shutdown();
        pool.shutdown();
        System.out.println("terminated " + pool.awaitTermination(10, TimeUnit.SECONDS) + " " + second.awaitTermination(10, TimeUnit.SECONDS)
                + " " + pool.isTerminated() + " steals>=0 " + (pool.getStealCount() >= 0));
        try { pool.submit(() -> 1); } catch (RejectedExecutionException e) { System.out.println("rejected after shutdown"); }
    }
}
