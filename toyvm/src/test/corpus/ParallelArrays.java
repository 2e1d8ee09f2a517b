import java.util.*;
import java.util.stream.*;

/** java.util.Arrays' parallel operations and a sorted parallel stream (both sort with fork/join). */
public class ParallelArrays {
    public static void main(String[] args) {
        long[] big = new long[50_000];
        Arrays.parallelSetAll(big, i -> (long) i * i % 1000);
        Arrays.parallelPrefix(big, Long::sum);
        double[] ds = new Random(3).doubles(40_000).toArray();
        Arrays.parallelSort(ds);
        boolean sorted = true;
        for (int i = 1; i < ds.length; i++) sorted &= ds[i - 1] <= ds[i];
        System.out.println("prefix " + big[big.length - 1] + " parallelSort sorted " + sorted + " " + ds[0] + " " + ds[ds.length - 1]);
        String[] names = new Random(5).ints(30_000, 0, 1 << 20).mapToObj(Integer::toHexString).toArray(String[]::new);
        Arrays.parallelSort(names, Comparator.comparing(String::length).thenComparing(Comparator.reverseOrder()));
        System.out.println(names[0] + " " + names[names.length / 2] + " " + names[names.length - 1]);
        Integer[] boxed = IntStream.range(0, 20_000).map(i -> (i * 7919) % 20_000).boxed().toArray(Integer[]::new);
        Arrays.parallelSort(boxed, 100, 19_900);
        int[] ints = new Random(9).ints(100_000).toArray();
        Arrays.parallelSort(ints);
        Arrays.parallelPrefix(ints, 0, 1000, Math::max);
        System.out.println(boxed[100] + " " + boxed[19_899] + " " + ints[999] + " " + ints[99_999]);
        List<String> words = List.of("delta", "alpha", "echo", "charlie", "bravo", "foxtrot", "golf", "hotel");
        System.out.println(words.parallelStream().map(String::toUpperCase).sorted().collect(Collectors.joining(" ")));
        System.out.println(IntStream.range(0, 50_000).parallel().map(i -> (i * 31) % 50_000).sorted().skip(49_990).boxed().collect(Collectors.toList()));
    }
}
