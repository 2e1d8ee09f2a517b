package dev.uffdgc.toyvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagtraum.perf.gcviewer.imp.DataReaderFacade;
import com.tagtraum.perf.gcviewer.model.GCModel;
import com.tagtraum.perf.gcviewer.model.GcResourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A GC log toyvm wrote is read by GCViewer's unified-logging parser: right pause count and total. */
class GcViewerTest {
    @Test
    @Timeout(120)
    void gcViewerReadsThePausesAndTheirTotal(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("gc.log");
        VmOptions o = GuestRun.options(GuestRun.guestClasses(), "2m");
        o.gcLog = log.toString();
        GuestRun run = GuestRun.toyvm(o, "Allocation");
        assertTrue(run.collections() >= 5, "too few collections: " + run.collections());

        GCModel model = new DataReaderFacade().loadModel(new GcResourceFile(log.toFile()));

        assertEquals(run.collections(), model.getFullGCPause().getN(), "pauses GCViewer found");
        double loggedSeconds = 0;
        List<String> lines = Files.readAllLines(log);
        for (String line : lines) {
            if (!line.contains("[gc]")) {
                continue;
            }
            String ms = line.substring(line.lastIndexOf(' ') + 1, line.length() - 2);
            loggedSeconds += Double.parseDouble(ms) / 1000;
        }
        assertEquals(loggedSeconds, model.getFullGCPause().getSum(), 1e-6 * lines.size(), "total pause seconds");
    }
}
