import java.io.*;
import java.util.*;

/** CSV from stdin: header, typed columns, per-group sums and averages with printf. */
public class CsvSum {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
        String header = in.readLine();
        System.out.println("columns: " + Arrays.toString(header.split(",")));
        Map<String, double[]> byCity = new TreeMap<>();
        in.lines().filter(l -> !l.isBlank()).forEach(l -> {
            String[] f = l.split(",");
            double[] acc = byCity.computeIfAbsent(f[1].trim(), k -> new double[3]);
            acc[0] += Double.parseDouble(f[2]);
            acc[1] += Integer.parseInt(f[3].trim());
            acc[2]++;
        });
        byCity.forEach((city, a) -> System.out.printf("%-10s n=%d temp avg %6.2f, rain %5.0f mm%n", city, (int) a[2], a[0] / a[2], a[1]));
    }
}
