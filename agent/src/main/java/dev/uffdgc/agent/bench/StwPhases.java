package dev.uffdgc.agent.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cycle of toyvm's built-in collector as its GC log reports it: the {@code gc,cpu} line MarkCompact writes
 * after each pause (wall and thread CPU ms of mark, plan, update and slide; the bytes compacted, i.e. the new top):
 * <pre>
 * [0.515s][info][gc,cpu] GC(0) Phases mark 1.234ms plan 0.100ms update 0.500ms slide 0.800ms; cpu mark 1.200ms plan 0.100ms update 0.490ms slide 0.790ms; compacted 3072K
 * </pre>
 * bench gc reads these rather than timing the collector from outside, so that its stw figures are the ones any
 * {@code -Xlog:gc} run shows.
 */
record StwPhases(int id, double markMs, double planMs, double updateMs, double slideMs, double markCpuMs,
        double planCpuMs, double updateCpuMs, double slideCpuMs, long compactedBytes) {
    private static final String MS = " (\\d+\\.\\d+)ms";
    private static final Pattern LINE = Pattern.compile("\\[gc,cpu] GC\\((\\d+)\\) Phases mark" + MS + " plan" + MS
            + " update" + MS + " slide" + MS + "; cpu mark" + MS + " plan" + MS + " update" + MS + " slide" + MS
            + "; compacted (\\d+)K$");

    /** Compaction without the mark: plan, update, slide. */
    double compactMs() {
        return planMs + updateMs + slideMs;
    }

    double compactCpuMs() {
        return planCpuMs + updateCpuMs + slideCpuMs;
    }

    /**
     * The phase lines of a GC log, in order. A line tagged {@code gc,cpu} that does not have the expected shape
     * fails with that line in the message (a format change must not turn into zeros in the CSV).
     */
    static List<StwPhases> parse(List<String> log) {
        List<StwPhases> cycles = new ArrayList<>();
        for (String line : log) {
            if (!line.contains("[gc,cpu]")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.find()) {
                throw new IllegalArgumentException("not a MarkCompact phase line: " + line);
            }
            double[] v = new double[8];
            for (int i = 0; i < 8; i++) {
                v[i] = Double.parseDouble(m.group(i + 2));
            }
            cycles.add(new StwPhases(Integer.parseInt(m.group(1)), v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7],
                    Long.parseLong(m.group(10)) << 10));
        }
        return cycles;
    }
}
