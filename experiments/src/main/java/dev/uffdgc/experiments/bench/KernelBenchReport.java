package dev.uffdgc.experiments.bench;

import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.bench.BenchException;
import dev.uffdgc.kernel.bench.BenchOptions;
import dev.uffdgc.kernel.bench.KernelBench;
import dev.uffdgc.kernel.bench.RowResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * {@code ./uffd-gc bench kernel}: kernel's {@link KernelBench} (the rows and the C floor; kernel/ depends on no
 * library, so its tables are CSV and markdown only) plus the plot, drawn here where XChart is: cost per page by
 * pages per ioctl, MOVE alone, MOVE with a busy sibling thread and COPY, Java and C — where MOVE's per-ioctl TLB
 * flush shows against COPY's per-page cost.
 */
public final class KernelBenchReport {
    private KernelBenchReport() {
    }

    public static void main(String[] args) {
        BenchOptions o;
        try {
            o = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench kernel: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (o.help()) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        try {
            List<RowResult> results = KernelBench.measure(o);
            KernelBench.writeTables(o.out(), results);
            plot(o.out().resolve("kernel-run-length.png"), results);
            System.out.println("wrote " + o.out().resolve("kernel.csv") + ", kernel.md and kernel-run-length.png");
        } catch (BenchException | KernelException e) {
            System.err.println("bench kernel: " + e.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("bench kernel: cannot write the plot: " + e.getMessage());
            System.exit(1);
        }
    }

    static void plot(Path file, List<RowResult> results) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart c = new XYChartBuilder().width(900).height(550).title("MOVE vs COPY: cost per page by run length")
                .xAxisTitle("pages per ioctl (log)").yAxisTitle("ns per page (log)").build();
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        for (String[] s : new String[][] {{"move_", ""}, {"move_", "_busy"}, {"copy_", ""}}) {
            String label = s[0].equals("move_") ? (s[1].isEmpty() ? "MOVE alone" : "MOVE, busy sibling") : "COPY";
            for (boolean java : new boolean[] {true, false}) {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (long batch : new long[] {1, 16, 64, 512}) {
                    Optional<RowResult> r = results.stream().filter(rr -> rr.name().equals(s[0] + batch + s[1]))
                            .findFirst();
                    if (r.isPresent()) {
                        x.add((double) batch);
                        y.add(java ? r.get().java() : r.get().c());
                    }
                }
                if (!x.isEmpty()) {
                    c.addSeries(label + (java ? " (Java)" : " (C)"), x, y);
                }
            }
        }
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
