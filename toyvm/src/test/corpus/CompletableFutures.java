import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** CompletableFuture pipelines on a fixed pool: supplyAsync, thenApply, thenCombine, allOf, exceptionally. */
public class CompletableFutures {
    public static void main(String[] args) {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<CompletableFuture<Integer>> squares = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            final int n = i;
            squares.add(CompletableFuture.supplyAsync(() -> n * n, pool));
        }
        CompletableFuture.allOf(squares.toArray(new CompletableFuture[0])).join();
        int total = squares.stream().mapToInt(CompletableFuture::join).sum();
        CompletableFuture<String> combined = CompletableFuture.supplyAsync(() -> "sum", pool)
                .thenCombine(CompletableFuture.completedFuture(total), (s, t) -> s + "=" + t)
                .thenApplyAsync(String::toUpperCase, pool);
        CompletableFuture<Integer> failed = CompletableFuture.<Integer>supplyAsync(() -> {
            throw new IllegalStateException("boom");
        }, pool).exceptionally(e -> -1);
        System.out.println(combined.join() + " " + failed.join());
        pool.shutdown();
    }
}
