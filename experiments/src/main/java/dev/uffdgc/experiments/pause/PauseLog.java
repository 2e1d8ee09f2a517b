package dev.uffdgc.experiments.pause;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pauses of one run, read from the two unified-logging files HotSpot and toyvm both write:
 * {@code -Xlog:safepoint} (one line per stop-the-world pause, HotSpot's shape: "Reaching safepoint: N ns, ...,
 * Total: N ns") and {@code -Xlog:gc} (cycles: the distinct {@code GC(n)} ids).
 *
 * <p>The pause figure is the safepoint's Total — from the moment the pause was requested to the moment mutators may
 * run again, so time-to-safepoint is inside it — for every collector alike, rather than each collector's own
 * notion of its pause (toyvm's and the agent's GC log lines time the collector's work only). Every safepoint
 * counts: a mutator stopped for any reason was stopped.
 */
record PauseLog(List<Pause> pauses, int cycles) {
    /** One pause: when it ended (seconds of uptime), its total and its time-to-safepoint (ns), its reason. */
    record Pause(double uptimeSeconds, long totalNanos, long ttspNanos, String reason) {
    }

    private static final Pattern SAFEPOINT = Pattern.compile(
            "^\\[([0-9.]+)s\\].*\\[safepoint\\s*\\] Safepoint \"([^\"]*)\".*Reaching safepoint: (\\d+) ns.*Total: (\\d+) ns");
    private static final Pattern CYCLE = Pattern.compile("\\bGC\\((\\d+)\\)");

    static PauseLog read(Path safepointLog, Path gcLog) {
        List<Pause> pauses = new ArrayList<>();
        for (String line : lines(safepointLog)) {
            Matcher m = SAFEPOINT.matcher(line);
            if (m.find()) {
                pauses.add(new Pause(Double.parseDouble(m.group(1)), Long.parseLong(m.group(4)),
                        Long.parseLong(m.group(3)), m.group(2)));
            }
        }
        TreeSet<Integer> ids = new TreeSet<>();
        for (String line : lines(gcLog)) {
            if (line.contains("[gc") && !line.contains("[gc,heap,exit")) {
                Matcher m = CYCLE.matcher(line);
                if (m.find()) {
                    ids.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        return new PauseLog(pauses, ids.size());
    }

    private static List<String> lines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("bench pause: cannot read " + p, e);
        }
    }
}
