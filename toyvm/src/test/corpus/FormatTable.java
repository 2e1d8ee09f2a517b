import java.util.*;

/** A report table of the kind benchmark harnesses print: aligned columns, totals, percentages. */
public class FormatTable {
    record Row(String name, int count, double millis) { }

    public static void main(String[] args) {
        List<Row> rows = List.of(new Row("parse", 1200, 35.25), new Row("resolve", 87, 4.125),
                new Row("interpret", 100000, 1234.5), new Row("collect", 17, 88.0));
        double total = rows.stream().mapToDouble(Row::millis).sum();
        String line = "-".repeat(44);
        System.out.println(line);
        System.out.printf("%-12s %10s %10s %8s%n", "phase", "count", "ms", "share");
        System.out.println(line);
        for (Row r : rows) {
            System.out.printf("%-12s %,10d %10.2f %7.1f%%%n", r.name(), r.count(), r.millis(), 100 * r.millis() / total);
        }
        System.out.println(line);
        System.out.printf("%-12s %,10d %10.2f %7.1f%%%n", "total", rows.stream().mapToInt(Row::count).sum(), total, 100.0);
        System.out.println(String.join(",", String.valueOf(1.0f / 3), String.valueOf(100.0 / 7), Double.toString(1e21),
                Float.toString(1.0e-5f), Long.toHexString(Long.MIN_VALUE), Integer.toBinaryString(42)));
    }
}
