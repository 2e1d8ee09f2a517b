package dev.uffdgc.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.agent.obs.JfrListener;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The uffdgc.* JFR events are recorded and read back with their fields. */
class JfrEventsTest {
    @Test
    @Timeout(120)
    void cyclePauseAndPhaseEventsAreRecorded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gc.jfr");
        AgentRun run;
        try (Recording r = new Recording()) {
            r.enable("uffdgc.Cycle");
            r.enable("uffdgc.Pause");
            r.enable("uffdgc.Phase");
            r.enable("uffdgc.Fault");
            r.start();
            // single=move: with workers=0 mutators build every page alone, and single=copy (the default) COPYs those
            run = AgentRun.run(AgentRun.vmOptions("1m"), AgentOptions.parse("mode=move,workers=0,single=move"),
                    UffdCollector.REAL, null, new JfrListener("move"), "Allocation");
            r.stop();
            r.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Map<String, Integer> counts = new HashMap<>();
        for (RecordedEvent e : events) {
            counts.merge(e.getEventType().getName(), 1, Integer::sum);
        }
        int cycles = run.totals().cycles().size();
        assertEquals(cycles, counts.getOrDefault("uffdgc.Cycle", 0), counts.toString());
        // Three pauses per cycle (Init Mark, Final Mark, Relocate Start), each with its phase, and the three
        // concurrent phases between them (mark, plan, evacuation).
        assertEquals(3 * cycles, counts.getOrDefault("uffdgc.Pause", 0), counts.toString());
        assertEquals(6 * cycles, counts.getOrDefault("uffdgc.Phase", 0), counts.toString());
        Map<String, Integer> phases = new HashMap<>();
        events.stream().filter(e -> e.getEventType().getName().equals("uffdgc.Phase")).forEach(e -> {
            phases.merge(e.getString("name"), 1, Integer::sum);
            assertTrue(e.getLong("took") >= 0, e.toString());
        });
        for (String name : new String[] {"Pause Init Mark", "Concurrent Mark", "Pause Final Mark", "Concurrent Plan",
            "Pause Relocate Start", "Concurrent evacuation"}) {
            assertEquals(cycles, phases.getOrDefault(name, 0), name + ": " + phases);
        }
        assertTrue(counts.getOrDefault("uffdgc.Fault", 0) > 0, "workers=0: mutators must wait for pages");
        RecordedEvent cycle = events.stream().filter(e -> e.getEventType().getName().equals("uffdgc.Cycle"))
                .findFirst().orElseThrow();
        assertEquals("move", cycle.getString("backend"));
        assertTrue(cycle.getLong("pages") > 0);
        assertEquals(cycle.getLong("pages"), cycle.getLong("pagesMoved"));
        assertEquals(cycle.getLong("pages") * dev.uffdgc.kernel.Memory.PAGE_SIZE, cycle.getLong("pmdBytes")
                + cycle.getLong("pteRunBytes") + cycle.getLong("singlePageBytes") + cycle.getLong("copiedBytes"));
        assertTrue(cycle.getLong("moveIoctls") > 0 && cycle.getLong("moveIoctls") <= cycle.getLong("ioctls"));
        assertTrue(cycle.getString("runLengths").startsWith("MOVE "), cycle.getString("runLengths"));
        assertTrue(cycle.getDuration("compactionCpu").toNanos() > 0, "compaction CPU " + cycle.getDuration("compactionCpu"));
    }
}
