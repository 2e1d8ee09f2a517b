import java.util.*;
import java.util.stream.*;

/**
 * java.util.Arrays the way a scoreboard tool uses it: the Comparator and range overloads, object binary search,
 * setAll/parallelPrefix, streams and spliterators over ranges, mismatch/compare/equals in all their forms,
 * parallelSort, deepHashCode, copyOfRange into another array type. (parallelSetAll is a parallel stream: the
 * ForkJoinPool.common gap ParallelSum shows.)
 */
public class ArraysApi {
    record Score(String name, int points) implements Comparable<Score> {
        public int compareTo(Score o) { return Integer.compare(points, o.points); }
    }

    public static void main(String[] args) {
        String[] names = {"mia", "Bo", "zed", "Ann", "kai", "Lu", "eve", "Max"};
        String[] byCase = names.clone();
        Arrays.sort(byCase, String.CASE_INSENSITIVE_ORDER);
        System.out.println(Arrays.toString(byCase) + " " + Arrays.binarySearch(byCase, "KAI", String.CASE_INSENSITIVE_ORDER));
        String[] natural = names.clone();
        Arrays.sort(natural, 2, 6);
        System.out.println(Arrays.toString(natural));
        Arrays.sort(natural);
        System.out.println(Arrays.binarySearch(natural, "kai") + " " + Arrays.binarySearch(natural, "nope")
                + " " + Arrays.binarySearch(natural, 1, 5, "Lu") + " "
                + Arrays.binarySearch(natural, 0, 4, "zz", Comparator.naturalOrder()));

        Score[] scores = new Score[12];
        Arrays.setAll(scores, i -> new Score(names[i % names.length] + i, (i * 37) % 23));
        Score[] board = scores.clone();
        Arrays.parallelSort(board);
        System.out.println(Arrays.stream(board).map(Score::points).toList());
        Arrays.parallelSort(board, Comparator.comparing(Score::name));
        System.out.println(board[0] + " " + board[11]);
        Arrays.parallelSort(board, 3, 9, Comparator.comparingInt(Score::points).reversed());
        Arrays.parallelSort(board, 0, 3);
        System.out.println(Arrays.asList(board).subList(0, 9).stream().map(Score::points).toList());
        Integer[] many = new Integer[20000];
        Arrays.setAll(many, i -> (i * 7919) % 20011);
        Arrays.parallelSort(many, Collections.reverseOrder());
        System.out.println(many[0] + " " + many[19999] + " " + Arrays.binarySearch(many, 100, Collections.reverseOrder()));

        int[] daily = new int[10];
        Arrays.setAll(daily, d -> d * d % 7 + 1);
        int[] running = daily.clone();
        Arrays.parallelPrefix(running, Integer::sum);
        int[] window = daily.clone();
        Arrays.parallelPrefix(window, 2, 6, Math::max);
        System.out.println(Arrays.toString(daily) + Arrays.toString(running) + Arrays.toString(window));
        long[] big = new long[6];
        Arrays.setAll(big, i -> 1L << (i * 10));
        Arrays.parallelPrefix(big, (a, b) -> a ^ b);
        Arrays.parallelPrefix(big, 1, 4, Long::sum);
        double[] halves = new double[5];
        Arrays.setAll(halves, i -> 1.0 / (1 << i));
        Arrays.parallelPrefix(halves, Double::sum);
        Arrays.parallelPrefix(halves, 0, 2, Math::min);
        String[] words = new String[4];
        Arrays.setAll(words, i -> "w" + i);
        Arrays.parallelPrefix(words, String::concat);
        Arrays.parallelPrefix(words, 1, 3, (a, b) -> b + "|" + a);
        System.out.println(Arrays.toString(big) + Arrays.toString(halves) + Arrays.toString(words));

        System.out.println(Arrays.stream(daily, 2, 7).sum() + " " + Arrays.stream(big, 1, 3).max().getAsLong() + " "
                + Arrays.stream(halves, 1, 4).average().getAsDouble() + " " + Arrays.stream(names, 1, 3).collect(Collectors.joining("+")));
        Spliterator.OfInt si = Arrays.spliterator(daily);
        Spliterator.OfInt half = si.trySplit();
        StringBuilder parts = new StringBuilder();
        half.forEachRemaining((int v) -> parts.append(v));
        parts.append('/');
        si.forEachRemaining((int v) -> parts.append(v));
        System.out.println(parts + " " + Arrays.spliterator(daily, 3, 8).estimateSize()
                + " " + StreamSupport.longStream(Arrays.spliterator(big), false).count()
                + " " + StreamSupport.longStream(Arrays.spliterator(big, 2, 4), false).sum()
                + " " + StreamSupport.doubleStream(Arrays.spliterator(halves), false).sum()
                + " " + StreamSupport.doubleStream(Arrays.spliterator(halves, 1, 2), false).sum()
                + " " + Arrays.spliterator(names).characteristics());

        String[] a = {"x", "y", "z", "w"};
        String[] b = {"x", "y", "Z", "w"};
        Comparator<String> ci = String.CASE_INSENSITIVE_ORDER;
        System.out.println(Arrays.mismatch(a, b) + " " + Arrays.mismatch(a, b, ci) + " " + Arrays.mismatch(a, 0, 2, b, 0, 2)
                + " " + Arrays.mismatch(a, 1, 4, b, 1, 3, ci) + " " + Arrays.equals(a, b, ci) + " "
                + Arrays.equals(a, 0, 2, b, 0, 2) + " " + Arrays.equals(a, 2, 3, b, 2, 3, ci) + " "
                + Arrays.compare(a, b) + " " + Arrays.compare(a, 0, 2, b, 0, 3) + " " + Arrays.compare(a, b, ci)
                + " " + Arrays.compare(a, 2, 4, b, 2, 4, Comparator.reverseOrder()) + " " + Arrays.compare((String[]) null, a));
        int[] p = {1, 2, 3, 4, 5};
        int[] q = {1, 2, 9, 4};
        byte[] bytes = "benchmark".getBytes();
        char[] chars = "benchmarks".toCharArray();
        double[] nan = {Double.NaN, -0.0};
        boolean[] flags = {true, false, true};
        System.out.println(Arrays.mismatch(p, q) + " " + Arrays.compare(p, q) + " " + Arrays.compareUnsigned(new int[] {-1}, new int[] {1})
                + " " + Arrays.equals(p, 0, 2, q, 0, 2) + " " + Arrays.mismatch(bytes, "bench".getBytes()) + " "
                + Arrays.compare(chars, 0, 9, "benchmark".toCharArray(), 0, 9) + " " + Arrays.equals(nan, new double[] {Double.NaN, 0.0})
                + " " + Arrays.compare(flags, new boolean[] {true, true}) + " " + Arrays.mismatch(flags, 1, 3, new boolean[] {false, true}, 0, 2)
                + " " + Arrays.binarySearch(new long[] {1, 5, 9}, 6) + " " + Arrays.binarySearch(new char[] {'a', 'c', 'e'}, 1, 3, 'e'));
        long[] sorted = {9, -3, 7, 0, 5, -1};
        Arrays.sort(sorted, 1, 5);
        float[] fl = {3f, Float.NaN, -0f, 0f, -1f};
        Arrays.parallelSort(fl);
        short[] sh = {5, -2, 9};
        Arrays.parallelSort(sh, 0, 2);
        System.out.println(Arrays.toString(sorted) + Arrays.toString(fl) + Arrays.toString(sh));

        Object[] nested = {names, new int[][] {{1, 2}, {3}}, "leaf", null, new double[] {0.5}};
        System.out.println(Arrays.deepHashCode(nested) + " " + Arrays.deepToString(nested).length() + " "
                + Arrays.deepEquals(nested, nested.clone()) + " " + Arrays.hashCode(new long[] {1L << 40}));
        Object[] mixed = {"a", "b", "c", "d"};
        CharSequence[] seqs = Arrays.copyOfRange(mixed, 1, 6, CharSequence[].class);
        System.out.println(seqs.getClass().getSimpleName() + " " + Arrays.toString(seqs));
        try {
            Arrays.copyOfRange(mixed, 0, 2, Integer[].class);
        } catch (ArrayStoreException e) {
            System.out.println("ArrayStoreException " + e.getMessage());
        }
        try {
            Arrays.sort(names, 5, 2);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        try {
            Arrays.mismatch(p, 0, 9, q, 0, 1);
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
    }
}
