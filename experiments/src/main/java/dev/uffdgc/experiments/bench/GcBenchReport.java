package dev.uffdgc.experiments.bench;

import dev.uffdgc.agent.AgentOptions;
import dev.uffdgc.agent.bench.GcBench;
import dev.uffdgc.agent.bench.GcTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * {@code ./uffd-gc bench gc}: the agent's {@link GcBench} (runs, console table, gc.csv / gc-runs.csv / gc.md; the
 * agent has no plotting library) plus, with {@code --out DIR}, the plots drawn here where XChart is, from the rows
 * it measured: compaction MB/s and CPU per MiB compacted by mode ({@code gc-throughput.png}, {@code gc-cpu.png}),
 * and move's MB/s by pages per ioctl ({@code gc-batch.png}, when the run had move at two batch sizes or more).
 * Same exit codes as GcBench: 2 for bad arguments, 1 when a run or a write fails.
 */
public final class GcBenchReport {
    private GcBenchReport() {
    }

    public static void main(String[] args) {
        if (GcBench.wantsHelp(args)) {
            System.out.println(GcBench.HELP);
            return;
        }
        GcBench.Report report;
        try {
            report = GcBench.run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench gc: " + e.getMessage());
            System.err.println(GcBench.USAGE);
            System.exit(2);
            return;
        } catch (Exception e) {
            System.err.println("bench gc: " + e);
            System.exit(1);
            return;
        }
        if (report.out() == null) {
            return;
        }
        try {
            List<String> wrote = plot(report.out(), report.rows());
            System.out.println("wrote " + String.join(", ", wrote));
        } catch (IOException e) {
            System.err.println("bench gc: cannot write the plots: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Writes the plots into {@code dir}; returns the file names written. */
    static List<String> plot(Path dir, List<GcTable.Row> rows) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        List<String> wrote = new ArrayList<>();
        save(bars("Compaction throughput by mode (MB/s: see gc.md)",
                "MB/s", rows, GcTable.Row::compactionMbS), dir, "gc-throughput.png", wrote);
        save(bars("Compaction CPU per MiB compacted, mark excluded", "CPU ms / MiB", rows, GcTable.Row::cpuMsPerLiveMb),
                dir, "gc-cpu.png", wrote);
        XYChart batch = batchChart(rows);
        if (batch != null) {
            save(batch, dir, "gc-batch.png", wrote);
        }
        return wrote;
    }

    private static CategoryChart bars(String title, String y, List<GcTable.Row> rows,
            java.util.function.ToDoubleFunction<GcTable.Row> f) {
        CategoryChart c = new CategoryChartBuilder().width(1000).height(550).title(title).xAxisTitle("mode")
                .yAxisTitle(y).build();
        c.getStyler().setXAxisLabelRotation(15);
        List<String> modes = rows.stream().map(GcTable.Row::mode).distinct().toList();
        for (Map.Entry<String, List<GcTable.Row>> e : bySeries(rows).entrySet()) {
            List<Number> v = new ArrayList<>();
            for (String m : modes) {
                v.add(e.getValue().stream().filter(r -> r.mode().equals(m)).mapToDouble(f).map(d -> Double.isNaN(d) ? 0 : d)
                        .findFirst().orElse(0));
            }
            c.addSeries(e.getKey(), modes, v);
        }
        return c;
    }

    /** move's MB/s by pages per ioctl, one line per workload and thread count; null if fewer than two batch sizes. */
    static XYChart batchChart(List<GcTable.Row> rows) {
        XYChart c = new XYChartBuilder().width(900).height(550).title("move: compaction MB/s by pages per ioctl (batch)")
                .xAxisTitle("batch, pages per ioctl (log)").yAxisTitle("MB/s").build();
        c.getStyler().setXAxisLogarithmic(true);
        boolean any = false;
        for (Map.Entry<String, List<GcTable.Row>> e : bySeries(rows).entrySet()) {
            List<double[]> points = new ArrayList<>();
            for (GcTable.Row r : e.getValue()) {
                int b = batchOf(r.mode());
                if (b > 0 && !Double.isNaN(r.compactionMbS())) {
                    points.add(new double[] {b, r.compactionMbS()});
                }
            }
            points.sort((p, q) -> Double.compare(p[0], q[0]));
            if (points.stream().mapToDouble(p -> p[0]).distinct().count() >= 2) {
                c.addSeries(e.getKey(), points.stream().map(p -> p[0]).toList(), points.stream().map(p -> p[1]).toList());
                any = true;
            }
        }
        return any ? c : null;
    }

    /** The batch of a move mode whose only option is batch ("move", "move:batch=16"); 0 for any other mode. */
    static int batchOf(String mode) {
        if (!mode.equals("move") && !mode.matches("move:batch=\\d+")) {
            return 0;
        }
        return AgentOptions.parse("mode=move" + (mode.contains(":") ? "," + mode.substring(5) : "")).batchPages;
    }

    private static Map<String, List<GcTable.Row>> bySeries(List<GcTable.Row> rows) {
        Map<String, List<GcTable.Row>> m = new LinkedHashMap<>();
        for (GcTable.Row r : rows) {
            m.computeIfAbsent(r.workload() + ", " + r.threads() + " thread" + (r.threads() == 1 ? "" : "s"),
                    k -> new ArrayList<>()).add(r);
        }
        return m;
    }

    private static void save(Chart<?, ?> chart, Path dir, String name, List<String> wrote) throws IOException {
        BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
        wrote.add(dir.resolve(name).toString());
    }
}
