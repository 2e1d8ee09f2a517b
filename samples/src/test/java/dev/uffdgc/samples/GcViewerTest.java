package dev.uffdgc.samples;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import com.tagtraum.perf.gcviewer.imp.DataReaderFacade;
import com.tagtraum.perf.gcviewer.model.AbstractGCEvent;
import com.tagtraum.perf.gcviewer.model.GCModel;
import com.tagtraum.perf.gcviewer.model.GcResourceFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * toyvm's gc log is real unified logging: GCViewer (the tool people load HotSpot logs into) reads a log toyvm
 * wrote while running a sample, and finds the same pauses, with the same durations and heap sizes, as the log
 * lines themselves say ({@link GcLogSummary}). GCViewer's own warnings about lines it could not parse fail the test.
 */
class GcViewerTest {
    /** Arrays freed at random under a small heap: many collections in a short run. */
    private static final SampleLine SAMPLE = new SampleLine(0, "dev.uffdgc.samples.Churn", List.of("256", "10000", "42"));
    private static final String HEAP = "8m";

    @Test
    @Timeout(value = ToyVmRunner.TIMEOUT_SECONDS + 30, unit = TimeUnit.SECONDS)
    void gcViewerReadsThePausesToyvmLogged(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("gc.log");
        List<String> cmd = ToyVmRunner.command(ToyVmRunner.fromTestClassPath(), false, HEAP, log,
                SampleRunner.classesDir(), SAMPLE);
        SampleRunner.Result run = SampleRunner.run(cmd, ToyVmRunner.TIMEOUT_SECONDS);
        assertEquals(0, run.exitCode(), SAMPLE + " failed on toyvm:\n" + run.stderr());

        GcLogSummary expected = GcLogSummary.read(log);
        assertTrue(expected.count() >= 3, "only " + expected.count() + " pauses in the log, too few to compare:\n"
                + Files.readString(log));

        List<String> warnings = new ArrayList<>();
        GCModel model = load(log, warnings);
        String context = "\nGCViewer warnings: " + warnings + "\nlog begins:\n" + head(log);
        assertAll(
                () -> assertEquals(List.of(), warnings, "GCViewer could not read every line" + context),
                () -> assertEquals(GCModel.Format.UNIFIED_JVM_LOGGING, model.getFormat(), context),
                () -> assertEquals(expected.count(), model.getPause().getN(), "pauses" + context),
                () -> assertEquals(expected.count(), model.getFullGCPause().getN(), "full-GC pauses" + context),
                () -> assertEquals(expected.totalPauseMillis() / 1000, model.getPause().getSum(), 1e-9,
                        "total pause in seconds" + context),
                () -> assertSamePauses(expected, model));
    }

    /** Each pause, in order: GC number, duration, and occupancy before/after and capacity (GCViewer counts KiB). */
    private static void assertSamePauses(GcLogSummary expected, GCModel model) {
        Iterator<AbstractGCEvent<?>> events = model.getStopTheWorldEvents();
        for (GcLogSummary.Pause p : expected.pauses()) {
            assertTrue(events.hasNext(), "GCViewer has no event for GC(" + p.id() + ")");
            AbstractGCEvent<?> e = events.next();
            String what = "GC(" + p.id() + ") as GCViewer read it: " + e;
            assertEquals(p.id(), e.getNumber(), what);
            assertEquals(p.millis() / 1000, e.getPause(), 1e-9, what);
            assertEquals(p.before() >> 10, e.getPreUsed(), what);
            assertEquals(p.after() >> 10, e.getPostUsed(), what);
            assertEquals(p.capacity() >> 10, e.getTotal(), what);
        }
        assertFalse(events.hasNext(), () -> "GCViewer found more pauses than the log has: " + events.next());
    }

    /** Loads the log the way GCViewer's UI does (format detected from the content), collecting its warnings. */
    private static GCModel load(Path log, List<String> warnings) throws Exception {
        GcResourceFile resource = new GcResourceFile(log.toFile());
        resource.getLogger().setUseParentHandlers(false);
        resource.getLogger().addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(r.getLevel() + ": " + new SimpleFormatter().formatMessage(r));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
        return new DataReaderFacade().loadModel(resource);
    }

    private static String head(Path log) throws Exception {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(0, Math.min(8, lines.size())));
    }
}
