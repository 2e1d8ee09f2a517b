import java.util.stream.IntStream;
import java.util.stream.LongStream;

/** Parallel streams on the common ForkJoinPool: sums, a filter count and a reduction, all order-independent. */
public class ParallelSum {
    public static void main(String[] args) {
        System.out.println(LongStream.rangeClosed(1, 200_000).parallel().sum());
        System.out.println(IntStream.range(0, 100_000).parallel().filter(i -> Integer.bitCount(i) == 5).count());
        System.out.println(IntStream.rangeClosed(1, 20).parallel().asLongStream().reduce(1L, (a, b) -> a * b));
    }
}
