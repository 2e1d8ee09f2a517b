import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Executors.newCachedThreadPool (a SynchronousQueue hands tasks over) running a batch with invokeAll. */
public class CachedPool {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            final int n = 1000 * (i + 1);
            tasks.add(() -> {
                long s = 0;
                for (int k = 1; k <= n; k++) {
                    s += (long) k * k;
                }
                return s;
            });
        }
        for (Future<Long> f : pool.invokeAll(tasks)) {
            System.out.println(f.get());
        }
        pool.shutdown();
    }
}
