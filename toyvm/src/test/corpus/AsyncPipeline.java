import java.util.*;
import java.util.concurrent.*;
import java.util.function.*;
import java.util.stream.*;

/** CompletableFuture on its default executor: compose, combine, allOf/anyOf, errors, timeouts, delayed executors. */
public class AsyncPipeline {
    static int slowSquare(int n) {
        try { Thread.sleep(5); } catch (InterruptedException e) { throw new RuntimeException(e); }
        return n * n;
    }

    public static void main(String[] args) throws Exception {
        List<CompletableFuture<Integer>> fs = IntStream.rangeClosed(1, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> slowSquare(i)))
                .collect(Collectors.toList());
        CompletableFuture<Void> all = CompletableFuture.allOf(fs.toArray(new CompletableFuture[0]));
        int sum = all.thenApply(v -> fs.stream().mapToInt(CompletableFuture::join).sum()).get(10, TimeUnit.SECONDS);
        System.out.println("sum of squares " + sum);

        CompletableFuture<String> user = CompletableFuture.supplyAsync(() -> "ada");
        CompletableFuture<String> greeting = user.thenCompose(u -> CompletableFuture.supplyAsync(() -> "hello " + u))
                .thenCombine(CompletableFuture.supplyAsync(() -> 1815), (g, y) -> g + " (" + y + ")")
                .thenApplyAsync(String::toUpperCase);
        System.out.println(greeting.join());

        CompletableFuture<Integer> boom = CompletableFuture.supplyAsync(() -> { throw new IllegalStateException("no data"); });
        System.out.println("recovered " + boom.exceptionally(e -> e instanceof CompletionException ? -1 : -2).join());
        System.out.println("handled " + boom.handle((v, e) -> e == null ? "ok" : e.getCause().getMessage()).join());
        try {
            boom.join();
        } catch (CompletionException e) {
            System.out.println("join: " + e.getCause());
        }
        try {
            boom.get();
        } catch (ExecutionException e) {
            System.out.println("get: " + e.getCause());
        }
        StringBuffer trace = new StringBuffer();
        CompletableFuture<Integer> watched = CompletableFuture.supplyAsync(() -> 6 * 7).whenComplete((v, e) -> trace.append("saw ").append(v));
        System.out.println(watched.join() + " " + trace);

        Object first = CompletableFuture.anyOf(new CompletableFuture<String>(), CompletableFuture.completedFuture("ready")).join();
        System.out.println("anyOf " + first);
        CompletableFuture<String> never = new CompletableFuture<>();
        System.out.println("completeOnTimeout " + never.completeOnTimeout("fallback", 30, TimeUnit.MILLISECONDS).join());
        try {
            new CompletableFuture<String>().orTimeout(20, TimeUnit.MILLISECONDS).join();
        } catch (CompletionException e) {
            System.out.println("orTimeout " + e.getCause().getClass().getName());
        }
        Executor later = CompletableFuture.delayedExecutor(25, TimeUnit.MILLISECONDS);
        long t0 = System.nanoTime();
        String delayed = CompletableFuture.supplyAsync(() -> "delayed", later).join();
        System.out.println(delayed + " after >= 20 ms: " + ((System.nanoTime() - t0) >= 20_000_000L));

        CompletableFuture<Integer> manual = new CompletableFuture<>();
        CompletableFuture<Integer> doubled = manual.thenApply(x -> x * 2);
        new Thread(() -> manual.complete(21)).start();
        System.out.println("manual " + doubled.get(5, TimeUnit.SECONDS) + " done " + manual.isDone());
        CompletableFuture<String> failed = CompletableFuture.failedFuture(new UnsupportedOperationException("nope"));
        System.out.println("failed " + failed.isCompletedExceptionally() + " " + failed.exceptionallyCompose(e -> CompletableFuture.completedFuture(e.getMessage())).join());
        CompletableFuture<Void> both = CompletableFuture.supplyAsync(() -> 2).thenAcceptBoth(CompletableFuture.supplyAsync(() -> 3), (a, b) -> trace.append(" both=").append(a + b));
        both.join();
        CompletableFuture<String> either = new CompletableFuture<String>().applyToEither(CompletableFuture.completedFuture("right"), s -> "either " + s);
        System.out.println(trace + " " + either.join());
        CompletableFuture<String> cancelled = new CompletableFuture<>();
        cancelled.cancel(true);
        try { cancelled.join(); } catch (CancellationException e) { System.out.println("cancelled " + cancelled.isCancelled()); }
        CompletionStage<Integer> stage = CompletableFuture.completedStage(5);
        System.out.println("stage " + stage.thenApply(x -> x + 1).toCompletableFuture().join()
                + " dependents " + new CompletableFuture<>().getNumberOfDependents() + " state " + boom.state());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<CompletableFuture<String>> chain = new ArrayList<>();
        CompletableFuture<String> acc = CompletableFuture.completedFuture("");
        for (int i = 0; i < 20; i++) {
            final int n = i;
            acc = acc.thenApplyAsync(s -> s + (char) ('a' + n % 26), pool);
        }
        System.out.println(acc.get(10, TimeUnit.SECONDS));
        pool.shutdown();
    }
}
