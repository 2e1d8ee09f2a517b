import java.io.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

/** A word count over stdin with parallel streams and ConcurrentHashMap's bulk operations. */
public class ParallelWordCount {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        List<String> lines = in.lines().collect(Collectors.toList());
        List<String> words = lines.parallelStream()
                .flatMap(l -> Arrays.stream(l.toLowerCase().split("[^a-z']+")))
                .filter(w -> !w.isEmpty())
                .collect(Collectors.toList());
        System.out.println(lines.size() + " lines, " + words.size() + " words");

        ConcurrentMap<String, Long> counts = words.parallelStream()
                .collect(Collectors.groupingByConcurrent(w -> w, Collectors.counting()));
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(8)
                .forEach(e -> System.out.printf("%-10s %3d%n", e.getKey(), e.getValue()));

        Map<Integer, List<String>> byLength = words.parallelStream().distinct()
                .collect(Collectors.groupingBy(String::length, TreeMap::new, Collectors.toList()));
        byLength.forEach((len, ws) -> System.out.println(len + ": " + ws.stream().sorted().collect(Collectors.joining(","))));

        ConcurrentHashMap<String, Long> chm = new ConcurrentHashMap<>(counts);
        long total = chm.reduceValuesToLong(1, Long::longValue, 0L, Long::sum);
        String longest = chm.reduceKeys(1, (a, b) -> a.length() != b.length() ? (a.length() > b.length() ? a : b) : (a.compareTo(b) < 0 ? a : b));
        String firstTwice = chm.search(1, (k, v) -> v == 2 && k.startsWith("s") ? k : null);
        LongAdder letters = new LongAdder();
        chm.forEach(1, (k, v) -> letters.add(k.length() * v));
        Long maxCount = chm.reduceValues(1, Math::max);
        int distinctE = chm.reduceKeysToInt(1, k -> k.indexOf('e') >= 0 ? 1 : 0, 0, Integer::sum);
        System.out.println("total " + total + " longest " + longest + " twice-with-s " + (firstTwice != null) + " letters " + letters.sum()
                + " max " + maxCount + " with e " + distinctE + " mappingCount " + chm.mappingCount());

        String joined = words.parallelStream().map(String::toUpperCase).filter(w -> w.length() > 6).distinct().collect(Collectors.joining(" "));
        System.out.println(joined);
        IntSummaryStatistics st = words.parallelStream().mapToInt(String::length).summaryStatistics();
        System.out.println(st);
        OptionalDouble avg = IntStream.rangeClosed(1, 10_000).parallel().filter(i -> i % 7 == 3).average();
        System.out.printf("avg %.4f any %s first %d%n", avg.getAsDouble(),
                words.parallelStream().anyMatch(w -> w.equals("despair")), words.parallelStream().filter(w -> w.startsWith("w")).findFirst().get().length());
        Set<Character> initials = words.parallelStream().map(w -> w.charAt(0)).collect(Collectors.toCollection(TreeSet::new));
        System.out.println(initials);
        long unorderedCount = words.parallelStream().unordered().map(String::hashCode).distinct().count();
        System.out.println("distinct hashes " + unorderedCount + " reduce " + words.parallelStream().reduce(0, (acc, w) -> acc + w.length(), Integer::sum));
    }
}
