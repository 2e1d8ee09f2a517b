import java.util.*;
import java.util.stream.*;

/** java.util.Arrays' parallel operations and a sorted parallel stream (both sort with fork/join above 8192 elements). */
public class ParallelArrays {
    public static void main(String[] args) {
        prefixes();
        doubles();
        strings();
        boxedAndInts();
        List<String> words = List.of("delta", "alpha", "echo", "charlie", "bravo", "foxtrot", "golf", "hotel");
        System.out.println(words.parallelStream().map(String::toUpperCase).sorted().collect(Collectors.joining(" ")));
        System.out.println(IntStream.range(0, 20_000).parallel().map(i -> (i * 31) % 20_000).sorted().skip(19_990).boxed().collect(Collectors.toList()));
    }

    static void prefixes() {
        long[] big = new long[20_000];
        Arrays.parallelSetAll(big, i -> (long) i * i % 1000);
        Arrays.parallelPrefix(big, Long::sum);
        int[] small = new int[12];
        Arrays.parallelSetAll(small, i -> i * 3 - 7);
        Arrays.parallelPrefix(small, 2, 9, Math::max);
        System.out.println("prefix " + big[big.length - 1] + " " + big[9_999] + " " + Arrays.toString(small));
    }

    static void doubles() {
        double[] ds = new Random(3).doubles(20_000).toArray();
        Arrays.parallelSort(ds);
        boolean sorted = true;
        for (int i = 1; i < ds.length; i++) sorted &= ds[i - 1] <= ds[i];
        System.out.println("parallelSort sorted " + sorted + " " + ds[0] + " " + ds[ds.length - 1]);
    }

    static void strings() {
        String[] names = new Random(5).ints(10_000, 0, 1 << 20).mapToObj(Integer::toHexString).toArray(String[]::new);
        Arrays.parallelSort(names, Comparator.comparing(String::length).thenComparing(Comparator.reverseOrder()));
        System.out.println(names[0] + " " + names[names.length / 2] + " " + names[names.length - 1]);
    }

    static void boxedAndInts() {
        Integer[] boxed = IntStream.range(0, 12_000).map(i -> (i * 7919) % 12_000).boxed().toArray(Integer[]::new);
        Arrays.parallelSort(boxed, 100, 11_900);
        System.out.println(boxed[100] + " " + boxed[11_899] + " " + boxed[0] + " " + boxed[11_999]);
        boxed = null;
        int[] ints = new Random(9).ints(30_000).toArray();
        Arrays.parallelSort(ints);
        Arrays.parallelPrefix(ints, 0, 1000, Math::max);
        System.out.println(ints[999] + " " + ints[29_999]);
    }
}
