import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A CSV filter in the style of a quick data-cleaning script: streams the rows of the file given with
 * Files.lines, keeps the rainy ones, writes them to an output file in the directory given, reads that back and
 * prints per-city averages. Usage: CsvFilter <input.csv> <output directory>
 */
public class CsvFilter {
    record Row(String date, String city, double temp, int rain) {
        static Row parse(String line) {
            String[] f = line.split(",");
            return new Row(f[0].strip(), f[1].strip(), Double.parseDouble(f[2].strip()), Integer.parseInt(f[3].strip()));
        }
    }

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]).resolve("rainy.csv");
        String header;
        List<String> rainy;
        try (Stream<String> lines = Files.lines(in)) {
            List<String> all = lines.toList();
            header = all.get(0);
            rainy = all.stream().skip(1).filter(l -> !l.isBlank()).map(Row::parse).filter(r -> r.rain() > 0)
                    .map(r -> String.join(",", r.date(), r.city(), String.valueOf(r.temp()), String.valueOf(r.rain())))
                    .toList();
        }
        Files.write(out, Stream.concat(Stream.of(header), rainy.stream()).toList());
        System.out.println("kept " + rainy.size() + " rainy rows of " + in.getFileName() + ", wrote " + Files.size(out) + " bytes");
        Map<String, Double> avg;
        try (Stream<String> lines = Files.lines(out)) {
            avg = lines.skip(1).map(Row::parse).collect(Collectors.groupingBy(Row::city, TreeMap::new,
                    Collectors.averagingDouble(Row::temp)));
        }
        avg.forEach((city, t) -> System.out.printf("%-8s %6.2f%n", city, t));
        System.out.println(Files.readString(out).lines().count() + " lines read back; deleted " + Files.deleteIfExists(out));
        try (Stream<String> lines = Files.lines(Path.of(args[1], "absent.csv"))) {
            System.out.println(lines.count());
        } catch (IOException e) {
            System.out.println(e.getClass().getName() + " " + Path.of(e.getMessage()).getFileName());
        }
    }
}
