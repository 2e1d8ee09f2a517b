package dev.uffdgc.experiments.swap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

/** The report's PNG plots (XChart, headless). */
final class Plots {
    private Plots() {
    }

    static void writeAll(Path dir, List<RunResult> runs, List<FlipPause.Point> flips) {
        System.setProperty("java.awt.headless", "true");
        List<RunResult> ok = runs.stream().filter(RunResult::ok).toList();
        List<RunResult> swapped = ok.stream().filter(r -> r.get("scenario").equals("swapped")).toList();
        if (!swapped.isEmpty()) {
            CategoryChart c = bars("Pages swapped in during one compaction", "pages");
            series(c, swapped, "swapped in (pagemap)", r -> r.num("swappedIn"));
            series(c, swapped, "pswpin", r -> r.num("pswpin"));
            series(c, swapped, "major faults", r -> r.num("majorFaultsThread"));
            save(c, dir.resolve("swapped-in.png"));
        }
        if (!ok.isEmpty()) {
            CategoryChart t = bars("Compaction time", "ms");
            for (String scenario : List.of("swapped", "resident")) {
                List<RunResult> s = ok.stream().filter(r -> r.get("scenario").equals(scenario)).toList();
                if (!s.isEmpty() && s.size() == modes(ok).size()) {
                    series(t, s, "wall, " + scenario, r -> r.num("wallNanos") / 1e6);
                    series(t, s, "thread CPU, " + scenario, r -> r.num("threadCpuNanos") / 1e6);
                }
            }
            if (!t.getSeriesMap().isEmpty()) {
                save(t, dir.resolve("time.png"));
            }
        }
        List<RunResult> slide = ok.stream().filter(r -> r.has("ioctlNanos")).toList();
        if (!slide.isEmpty()) {
            CategoryChart p = bars("Phase breakdown of page-slide compaction", "ms");
            p.getStyler().setStacked(true);
            List<String> x = slide.stream().map(r -> r.get("mode") + " / " + r.get("scenario")).toList();
            for (String[] phase : new String[][] {{"mark", "markNanos"}, {"plan", "planNanos"}, {"update refs", "updateNanos"},
                    {"MOVE/COPY ioctl", "ioctlNanos"}, {"madvise", "madviseNanos"}, {"zero-fill", "zeroFillNanos"},
                    {"memmove + rest", "memmoveNanos"}}) {
                p.addSeries(phase[0], x, slide.stream().map(r -> (Number) (r.num(phase[1]) / 1e6)).toList());
            }
            save(p, dir.resolve("phases.png"));
        }
        if (!flips.isEmpty()) {
            XYChart f = new XYChartBuilder().width(800).height(500).title("Flip pause: mremap DONTUNMAP + register")
                    .xAxisTitle("heap MiB").yAxisTitle("ms").build();
            List<Double> x = flips.stream().map(p -> (double) (p.heapBytes() >> 20)).toList();
            f.addSeries("flip (median)", x, flips.stream().map(FlipPause.Point::medianMillis).toList());
            f.addSeries("mremap alone (median)", x, flips.stream().map(FlipPause.Point::mremapMedianMillis).toList());
            save(f, dir.resolve("flip-pause.png"));
        }
    }

    private static List<String> modes(List<RunResult> runs) {
        List<String> m = new ArrayList<>();
        for (RunResult r : runs) {
            if (!m.contains(r.get("mode"))) {
                m.add(r.get("mode"));
            }
        }
        return m;
    }

    private static CategoryChart bars(String title, String yTitle) {
        CategoryChart c = new CategoryChartBuilder().width(900).height(500).title(title).xAxisTitle("mode").yAxisTitle(yTitle).build();
        c.getStyler().setXAxisLabelRotation(15);
        return c;
    }

    private static void series(CategoryChart c, List<RunResult> runs, String name, ToDoubleFunction<RunResult> f) {
        c.addSeries(name, runs.stream().map(r -> r.get("mode")).toList(),
                runs.stream().map(r -> (Number) f.applyAsDouble(r)).toList());
    }

    private static void save(Chart<?, ?> chart, Path file) {
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
