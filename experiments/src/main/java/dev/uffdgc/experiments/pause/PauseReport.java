package dev.uffdgc.experiments.pause;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;

/** pauses.csv, pauses.md and per-workload PNG plots (pause timeline, pause percentiles by mode). */
final class PauseReport {
    static final String HEADER = "workload,mode,threads,live_mb,heap_mb,cycles,pause_p50_ms,pause_p99_ms,pause_max_ms,"
            + "ttsp_p99_ms,own_p99_ms,total_pause_ms,wall_s,cpu_s,status";

    private static final double[] PERCENTILES = {0, 10, 25, 50, 75, 90, 95, 99, 99.9, 100};

    private PauseReport() {
    }

    static void write(Path dir, List<PauseRun.Result> results) {
        List<String> csv = new ArrayList<>(List.of(HEADER));
        StringBuilder md = new StringBuilder("| workload | mode | threads | live MiB | heap MiB | cycles | pause p50 ms |"
                + " p99 ms | max ms | ttsp p99 ms | own p99 ms | total pause ms | wall s | cpu s | status |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (PauseRun.Result r : results) {
            PauseStats s = r.ok() ? PauseStats.of(r.log().pauses()) : null;
            String workload = r.w().name();
            csv.add(String.join(",", workload, r.mode(), str(r.threads()), str(r.live()), str(r.heapMb()),
                    s == null ? "" : str(r.log().cycles()), num(s, PauseStats::p50), num(s, PauseStats::p99),
                    num(s, PauseStats::max), num(s, PauseStats::ttspP99), num(s, PauseStats::ownP99),
                    num(s, PauseStats::total), r.ok() ? fmt(r.wallSeconds()) : "", r.ok() ? fmt(r.cpuSeconds()) : "", quote(r.status())));
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    workload, r.mode(), r.threads(), r.live(), r.heapMb(), s == null ? "" : str(r.log().cycles()),
                    num(s, PauseStats::p50), num(s, PauseStats::p99), num(s, PauseStats::max),
                    num(s, PauseStats::ttspP99), num(s, PauseStats::ownP99), num(s, PauseStats::total), r.ok() ? fmt(r.wallSeconds()) : "",
                    r.ok() ? fmt(r.cpuSeconds()) : "", r.status()));
        }
        try {
            Files.write(dir.resolve("pauses.csv"), csv);
            Files.writeString(dir.resolve("pauses.md"), md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("bench pause: cannot write the report to " + dir, e);
        }
        plots(dir, results);
    }

    static String table(List<PauseRun.Result> results) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-24s %-19s %6s %9s %9s %9s %9s %9s %11s %8s %8s  %s%n",
                "workload", "mode", "cycles", "p50 ms", "p99 ms", "max ms", "ttsp p99", "own p99", "total ms", "wall s", "cpu s",
                "status"));
        for (PauseRun.Result r : results) {
            PauseStats s = r.ok() ? PauseStats.of(r.log().pauses()) : null;
            b.append(String.format(Locale.ROOT, "%-24s %-19s %6s %9s %9s %9s %9s %9s %11s %8s %8s  %s%n",
                    r.w().name(), r.mode(), s == null ? "" : str(r.log().cycles()),
                    num(s, PauseStats::p50), num(s, PauseStats::p99), num(s, PauseStats::max),
                    num(s, PauseStats::ttspP99), num(s, PauseStats::ownP99), num(s, PauseStats::total), r.ok() ? fmt(r.wallSeconds()) : "",
                    r.ok() ? fmt(r.cpuSeconds()) : "", r.status()));
        }
        return b.toString();
    }

    private static void plots(Path dir, List<PauseRun.Result> results) {
        System.setProperty("java.awt.headless", "true");
        List<String> workloads = results.stream().map(r -> r.w().name()).distinct().toList();
        for (String w : workloads) {
            List<PauseRun.Result> rs = results.stream().filter(r -> r.w().name().equals(w))
                    .filter(PauseRun.Result::ok).filter(r -> !r.log().pauses().isEmpty()).toList();
            if (rs.isEmpty()) {
                continue;
            }
            XYChart t = new XYChartBuilder().width(900).height(500).title("Pauses over time, " + w)
                    .xAxisTitle("uptime s").yAxisTitle("pause ms (log)").build();
            t.getStyler().setYAxisLogarithmic(true);
            t.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            XYChart p = new XYChartBuilder().width(900).height(500).title("Pause percentiles, " + w)
                    .xAxisTitle("percentile").yAxisTitle("pause ms (log)").build();
            p.getStyler().setYAxisLogarithmic(true);
            for (PauseRun.Result r : rs) {
                List<PauseLog.Pause> ps = r.log().pauses();
                t.addSeries(r.mode(), ps.stream().map(PauseLog.Pause::uptimeSeconds).toList(),
                        ps.stream().map(x -> Math.max(1e-3, x.totalNanos() / 1e6)).toList());
                long[] sorted = ps.stream().mapToLong(PauseLog.Pause::totalNanos).sorted().toArray();
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (double q : PERCENTILES) {
                    x.add(q);
                    y.add(Math.max(1e-3, PauseStats.rank(sorted, q) / 1e6));
                }
                p.addSeries(r.mode(), x, y);
            }
            save(t, dir.resolve("timeline-" + w + ".png"));
            save(p, dir.resolve("percentiles-" + w + ".png"));
        }
    }

    private static void save(Chart<?, ?> chart, Path file) {
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("bench pause: cannot write " + file, e);
        }
    }

    private static String num(PauseStats s, java.util.function.ToDoubleFunction<PauseStats> f) {
        return s == null || Double.isNaN(f.applyAsDouble(s)) ? "" : fmt(f.applyAsDouble(s));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, v < 10 ? "%.3f" : "%.1f", v);
    }

    private static String str(int v) {
        return Integer.toString(v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
