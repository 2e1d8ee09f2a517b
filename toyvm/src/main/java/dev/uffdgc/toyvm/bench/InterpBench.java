package dev.uffdgc.toyvm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./uffd-gc bench interp}: runs each program of a samples file ("MainClass args" per line) on HotSpot
 * {@code -Xint} and on toyvm, side by side in one run, checks the outputs are identical, and prints the time
 * ratio, toyvm's allocation rate and its collector's pause per MB live. Wall-clock times of whole processes
 * (JVM start included for both); the best of {@code --runs} runs.
 */
public final class InterpBench {
    private static final Pattern PAUSE = Pattern.compile("Pause Full \\([^)]*\\)+ (\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms");
    private static final Pattern SUMMARY = Pattern.compile("Allocated (\\d+)K, (\\d+) pauses, total pause ([\\d.]+)ms");

    private InterpBench() {
    }

    record Run(long nanos, String out, int status) {
    }

    public static void main(String[] argv) throws Exception {
        String samples = null;
        String cp = null;
        String jar = null;
        String xmx = "64m";
        int runs = 1;
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--samples" -> samples = argv[++i];
                case "--cp" -> cp = argv[++i];
                case "--toyvm-jar" -> jar = argv[++i];
                case "--xmx" -> xmx = argv[++i];
                case "--runs" -> runs = Integer.parseInt(argv[++i]);
                default -> usage("unknown option " + argv[i]);
            }
        }
        if (samples == null || cp == null || jar == null) {
            usage("--samples, --cp and --toyvm-jar are required");
        }
        if (!Files.isRegularFile(Path.of(samples))) {
            usage("no samples file at " + samples + " (build the samples module first)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.printf(Locale.ROOT, "%-40s %10s %10s %7s %5s %10s %9s %12s%n", "program", "-Xint ms", "toyvm ms",
                "ratio", "same", "alloc MB/s", "GCs", "ms/MB live");
        for (String line : Files.readAllLines(Path.of(samples))) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> program = Arrays.asList(line.split("\\s+"));
            Path log = Files.createTempFile("toyvm-bench", ".log");
            Run hs = best(runs, cmd(List.of(java, "-Xint", "-cp", cp), program));
            Run tv = best(runs, cmd(List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar, "-Xmx" + xmx,
                    "-Xlog:gc:file=" + log, "-cp", cp), program));
            report(line, hs, tv, Files.readAllLines(log));
            Files.deleteIfExists(log);
        }
    }

    private static void report(String name, Run hs, Run tv, List<String> log) {
        double allocMb = 0;
        int gcs = 0;
        double pauseMs = 0;
        double liveMb = 0;
        for (String l : log) {
            Matcher p = PAUSE.matcher(l);
            if (p.find()) {
                liveMb += Math.max(1, Integer.parseInt(p.group(2)));
            }
            Matcher s = SUMMARY.matcher(l);
            if (s.find()) {
                allocMb = Long.parseLong(s.group(1)) / 1024.0;
                gcs = Integer.parseInt(s.group(2));
                pauseMs = Double.parseDouble(s.group(3));
            }
        }
        boolean same = hs.out().equals(tv.out()) && hs.status() == tv.status();
        double perMbLive = gcs == 0 ? 0 : (pauseMs / gcs) / (liveMb / gcs);
        System.out.printf(Locale.ROOT, "%-40s %10.0f %10.0f %6.2fx %5s %10.1f %9d %12.3f%n", shorten(name),
                hs.nanos() / 1e6, tv.nanos() / 1e6, (double) tv.nanos() / hs.nanos(), same ? "yes" : "NO",
                allocMb / (tv.nanos() / 1e9), gcs, perMbLive);
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static List<String> cmd(List<String> prefix, List<String> program) {
        List<String> c = new ArrayList<>(prefix);
        c.addAll(program);
        return c;
    }

    private static Run best(int runs, List<String> cmd) throws IOException, InterruptedException {
        Run best = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = p.waitFor();
            Run r = new Run(System.nanoTime() - t0, out, status);
            if (best == null || r.nanos() < best.nanos()) {
                best = r;
            }
        }
        return best;
    }

    private static void usage(String why) {
        System.err.println("bench interp: " + why);
        System.err.println("usage: InterpBench --samples <samples.txt> --cp <classpath> --toyvm-jar <toyvm.jar> [--xmx 64m] [--runs N]");
        System.exit(2);
    }
}
