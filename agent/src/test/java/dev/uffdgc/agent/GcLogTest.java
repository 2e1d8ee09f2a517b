package dev.uffdgc.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagtraum.perf.gcviewer.imp.DataReaderFacade;
import com.tagtraum.perf.gcviewer.model.GCModel;
import com.tagtraum.perf.gcviewer.model.GcResourceFile;
import dev.uffdgc.agent.obs.GcLogWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The agent's GC log: six unified-logging lines per cycle (three pauses), and GCViewer reads every pause. */
class GcLogTest {
    private static final Pattern PAUSE = Pattern.compile(
            "\\[\\d+\\.\\d{3}s]\\[info]\\[gc] GC\\(\\d+\\) Pause (Init Mark|Final Mark|Relocate Start) \\((Allocation Failure|System\\.gc\\(\\))\\) \\d+\\.\\d{3}ms");
    private static final Pattern MARK = Pattern.compile(
            "\\[\\d+\\.\\d{3}s]\\[info]\\[gc] GC\\(\\d+\\) Concurrent Mark \\d+\\.\\d{3}ms");
    private static final Pattern CONCURRENT = Pattern.compile(
            "\\[\\d+\\.\\d{3}s]\\[info]\\[gc] GC\\(\\d+\\) Concurrent evacuation \\d+M->\\d+M\\(\\d+M\\) \\d+\\.\\d{3}ms");
    private static final Pattern PHASES = Pattern.compile(
            "\\[\\d+\\.\\d{3}s]\\[info]\\[gc,uffd] GC\\(\\d+\\) init mark pause \\d+\\.\\d{3}ms \\(time to safepoint \\d+\\.\\d{3}ms\\) concurrent mark .* final mark pause .* concurrent plan .* flip pause \\d+\\.\\d{3}ms .* pages \\d+: moved \\d+ .* reclaimed \\d+K.*");

    private static final Pattern MAPPED = Pattern.compile(
            "\\[\\d+\\.\\d{3}s]\\[info]\\[gc,uffd] GC\\(\\d+\\) mapped (\\d+)K: moved (\\d+)K \\(PMD (\\d+)K, PTE runs (\\d+)K, single pages (\\d+)K\\) copied (\\d+)K; ioctls \\d+ \\(MOVE, TLB-flushing, \\d+; failed \\d+\\); TLB shootdowns (\\d+|n/a) \\(machine-wide\\); runs MOVE .* COPY .*");

    /** The mapped line's tail (issue 11): the lone pages by origin, and the 1-page MOVE and COPY ioctls before it. */
    private static final Pattern LONE = Pattern.compile(
            ".*; ioctls \\d+ \\(MOVE, TLB-flushing, \\d+; failed (\\d+)\\).*; runs MOVE (?:1:(\\d+))?.* COPY (?:1:(\\d+))?.*; lone pages (\\d+): run-of-1 (\\d+)"
            + " spare (\\d+) in-place (\\d+) slid (\\d+) mutator (\\d+) fault (\\d+) helper (\\d+)");

    private static final Pattern PARTS = Pattern.compile(
            "\\[\\d+\\.\\d{3}s]\\[info]\\[gc,uffd] GC\\(\\d+\\) pause parts: init mark (.*); final mark (.*); relocate start (.*)");
    /** One pause's split: "1.234ms = ttsp 0.010 + roots 0.200 + ... + resume 0.020". */
    private static final Pattern SPLIT = Pattern.compile("(\\d+\\.\\d{3})ms = ttsp (\\d+\\.\\d{3})((?: \\+ \\w+ -?\\d+\\.\\d{3})+)"
            + " \\(body on CPU (\\d+\\.\\d{3}) of (\\d+\\.\\d{3})\\)");

    @Test
    @Timeout(120)
    void everyCycleLogsPauseConcurrentPhaseAndDetail(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("gc.log");
        long start = System.nanoTime();
        AgentRun run = AgentRun.run(AgentRun.vmOptions("2m"), AgentOptions.parse("mode=move"), UffdCollector.REAL,
                null, GcLogWriter.toFile(log.toString(), () -> System.nanoTime() - start, 2 << 20), "Allocation");
        List<String> lines = Files.readAllLines(log);
        int cycles = run.totals().cycles().size();
        assertTrue(cycles >= 3);
        // Per cycle: three pauses, Concurrent Mark, Concurrent evacuation and the three detail lines.
        assertEquals(8 * cycles, lines.size(), String.join("\n", lines));
        assertEquals(3 * cycles, lines.stream().filter(l -> PAUSE.matcher(l).matches()).count(), String.join("\n", lines));
        assertEquals(cycles, lines.stream().filter(l -> MARK.matcher(l).matches()).count(), String.join("\n", lines));
        assertEquals(cycles, lines.stream().filter(l -> CONCURRENT.matcher(l).matches()).count());
        assertEquals(cycles, lines.stream().filter(l -> PHASES.matcher(l).matches()).count());
        List<Matcher> mapped = lines.stream().map(MAPPED::matcher).filter(Matcher::matches)
                .toList();
        assertEquals(cycles, mapped.size(), String.join("\n", lines));
        long lonePages = 0;
        for (Matcher m : mapped) { // the line's classes add up to what it says was mapped
            long[] k = new long[7];
            for (int g = 1; g <= 6; g++) {
                k[g] = Long.parseLong(m.group(g));
            }
            assertEquals(k[1], k[2] + k[6], m.group());
            assertEquals(k[2], k[3] + k[4] + k[5], m.group());
            Matcher lone = LONE.matcher(m.group());
            if (lone.matches()) { // the origins add up; each lone page was one 1-page MOVE or (single=copy) COPY
                long sum = 0;
                for (int g = 5; g <= 11; g++) {
                    sum += Long.parseLong(lone.group(g));
                }
                assertEquals(Long.parseLong(lone.group(4)), sum, m.group());
                long onePage = (lone.group(2) == null ? 0 : Long.parseLong(lone.group(2)))
                        + (lone.group(3) == null ? 0 : Long.parseLong(lone.group(3)));
                assertTrue(!lone.group(1).equals("0") || sum <= onePage, m.group()); // short counts add 1-page ones
                lonePages += sum;
            } else {
                assertEquals(0, k[5], "single pages moved but no lone pages logged: " + m.group());
            }
        }
        assertTrue(lonePages > 0, "no cycle logged its lone pages");
        List<Matcher> parts = lines.stream().map(PARTS::matcher).filter(Matcher::matches).toList();
        assertEquals(cycles, parts.size(), String.join("\n", lines));
        for (Matcher m : parts) { // each pause's parts add up to it, and none is negative (the resume is the rest)
            for (int g = 1; g <= 3; g++) {
                Matcher split = SPLIT.matcher(m.group(g));
                assertTrue(split.matches(), m.group(g));
                double sum = Double.parseDouble(split.group(2));
                String[] terms = split.group(3).substring(3).split(" \\+ ");
                for (String t : terms) {
                    double v = Double.parseDouble(t.substring(t.indexOf(' ') + 1));
                    assertTrue(v >= -0.001, m.group(g));
                    sum += v;
                }
                assertEquals(Double.parseDouble(split.group(1)), sum, 0.001 * (terms.length + 1), m.group(g));
                // CPU time of the body: the clocks differ in resolution, so only roughly bounded by its wall time
                assertTrue(Double.parseDouble(split.group(4)) <= Double.parseDouble(split.group(5)) + 0.05, m.group(g));
            }
        }

        GcResourceFile resource = new GcResourceFile(log.toFile());
        resource.getLogger().setLevel(java.util.logging.Level.WARNING); // GCViewer narrates every read at INFO
        GCModel model = new DataReaderFacade().loadModel(resource);
        assertEquals(3 * cycles, model.getPause().getN(), "pauses GCViewer found");
        double logged = lines.stream().filter(l -> PAUSE.matcher(l).matches())
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1, l.length() - 2)) / 1000).sum();
        assertEquals(logged, model.getPause().getSum(), 3e-6 * cycles);
    }
}
