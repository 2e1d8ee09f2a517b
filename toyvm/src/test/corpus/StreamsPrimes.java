import java.util.*;
import java.util.stream.*;

/** Sequential streams over primitives: ranges, filters, iterate, reduce, boxed collections, arrays. */
public class StreamsPrimes {
    static boolean prime(int n) {
        return n > 1 && IntStream.rangeClosed(2, (int) Math.sqrt(n)).noneMatch(d -> n % d == 0);
    }

    static void show(Object o) {
        System.out.println(o);
    }

    public static void main(String[] args) {
        System.out.println(IntStream.range(0, 100).filter(StreamsPrimes::prime).boxed().collect(Collectors.toList()));
        System.out.println(IntStream.rangeClosed(1, 20).mapToLong(i -> (long) i * i).sum());
        System.out.println(Stream.iterate(1L, x -> x * 3).limit(15).map(String::valueOf).collect(Collectors.joining(" ")));
        System.out.println(IntStream.of(5, 3, 9, 1).sorted().mapToObj(Integer::toString).reduce("", String::concat));
        System.out.println(Arrays.stream(new double[] {1.5, 2.5, 3.5}).map(Math::sqrt).average().getAsDouble());
        System.out.println(Stream.iterate(new int[] {0, 1}, f -> new int[] {f[1], f[0] + f[1]}).limit(20).map(f -> f[0]).toList());
        System.out.println(IntStream.rangeClosed(1, 5).reduce(1, (a, b) -> a * b) + " " + LongStream.range(0, 1000).filter(x -> x % 7 == 0).count());
        int[] squares = IntStream.range(0, 10).map(i -> i * i).toArray();
        System.out.println(Arrays.toString(squares) + " " + Arrays.stream(squares).max().getAsInt());
        System.out.println("hello".chars().mapToObj(c -> String.valueOf((char) (c - 32))).collect(Collectors.joining()));
        show(Stream.of("x", "y", "z").collect(Collectors.collectingAndThen(Collectors.toList(), Collections::unmodifiableList)));
        System.out.println(IntStream.range(0, 30).takeWhile(i -> i < 5).sum() + " " + IntStream.range(0, 30).dropWhile(i -> i < 25).boxed().toList());
    }
}
