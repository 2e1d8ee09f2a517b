import java.io.BufferedReader;
import java.io.FileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * wc plus a word histogram for the files named on the command line, the ways tutorials read a file:
 * Files.readAllLines, Files.newBufferedReader, Files.lines and a FileReader; a missing file is reported and
 * skipped, as a command-line tool would. Usage: FileWordCount <file>...
 */
public class FileWordCount {
    public static void main(String[] args) throws IOException {
        for (String name : args) {
            Path p = Paths.get(name);
            List<String> lines;
            try {
                lines = Files.readAllLines(p);
            } catch (IOException e) {
                System.out.println(e.getClass().getName() + ": " + p.getFileName() + " skipped");
                try (BufferedReader r = new BufferedReader(new FileReader(name))) {
                    System.out.println("FileReader opened it: " + r.readLine());
                } catch (IOException again) {
                    System.out.println(again.getClass().getName() + " " + again.getMessage().substring(again.getMessage().lastIndexOf('/') + 1));
                }
                continue;
            }
            long words = lines.stream().flatMap(l -> Arrays.stream(l.split("\\s+"))).filter(w -> !w.isEmpty()).count();
            long chars;
            try (BufferedReader r = Files.newBufferedReader(p)) {
                chars = r.lines().mapToLong(l -> l.length() + 1).sum();
            }
            System.out.printf("%5d %6d %7d %s (%d bytes on disk)%n", lines.size(), words, chars, p.getFileName(), Files.size(p));
            Map<String, Long> freq;
            try (var s = Files.lines(p)) {
                freq = s.flatMap(l -> Arrays.stream(l.toLowerCase().split("[^a-z]+"))).filter(w -> w.length() > 3)
                        .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
            }
            freq.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(5).forEach(e -> System.out.println("  " + e.getKey() + " " + e.getValue()));
            try (BufferedReader r = new BufferedReader(new FileReader(p.toFile()))) {
                System.out.println("  first line via FileReader: " + r.readLine());
            }
        }
    }
}
