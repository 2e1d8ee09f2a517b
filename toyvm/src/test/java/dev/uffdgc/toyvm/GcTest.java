package dev.uffdgc.toyvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The built-in collector: many verified collections in tiny heaps, catchable OOM, the GC log. */
class GcTest {
    @ParameterizedTest
    @ValueSource(strings = {"1m", "2m", "6m"})
    @Timeout(180)
    void allocationHeavyProgramMatchesHotSpotThroughVerifiedCollections(String heap) {
        GuestRun expected = GuestRun.hotspot(GuestRun.guestClasses(), "Allocation");
        VmOptions o = GuestRun.options(GuestRun.guestClasses(), heap);
        o.verifyGc = true;
        GuestRun actual = GuestRun.toyvm(o, "Allocation");
        assertEquals(expected.stdout(), actual.stdout(), "stderr:\n" + actual.stderr());
        assertEquals(expected.status(), actual.status());
        assertTrue(actual.collections() >= 3, "only " + actual.collections() + " collections in " + heap);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Strings", "Language", "Calls", "Exceptions"})
    @Timeout(180)
    void libraryHeavyProgramsSurviveACollectionEvery2K(String mainClass) {
        GuestRun expected = GuestRun.hotspot(GuestRun.guestClasses(), mainClass);
        VmOptions o = GuestRun.options(GuestRun.guestClasses(), "1m");
        o.gcStressBytes = 2 << 10;
        o.verifyGc = true;
        GuestRun actual = GuestRun.toyvm(o, mainClass);
        assertEquals(expected.stdout(), actual.stdout(), "stderr:\n" + actual.stderr());
        assertEquals(expected.status(), actual.status());
        assertTrue(actual.collections() >= 3, "only " + actual.collections() + " collections");
    }

    @Test
    @Timeout(120)
    void outOfMemoryIsACatchableGuestError() {
        GuestRun expected = GuestRun.hotspot(List.of("-Xmx32m"), GuestRun.guestClasses(), "OomCatch");
        VmOptions o = GuestRun.options(GuestRun.guestClasses(), "4m");
        o.verifyGc = true;
        GuestRun actual = GuestRun.toyvm(o, "OomCatch");
        assertEquals(expected.stdout(), actual.stdout(), "stderr:\n" + actual.stderr());
        assertEquals(0, actual.status());
    }

    /**
     * Compressed references (ObjectLayout.REF_SHIFT): a 6 GiB heap whose objects sit above 4 GiB until the first
     * collection slides them down (a dead 4.5 GiB array below them, never touched), every collection verified
     * (structure, graph hash before and after), output equal to HotSpot's. HotSpot runs without the pad, which it
     * would zero (4.5 GiB written); the program's output does not depend on it.
     */
    @Test
    @Timeout(180)
    void objectsAbove4GiBSurviveVerifiedCollections(@TempDir Path dir) throws IOException {
        GuestRun expected = GuestRun.hotspot(GuestRun.guestClasses(), "HighHeap", "0");
        Path log = dir.resolve("gc.log");
        VmOptions o = GuestRun.options(GuestRun.guestClasses(), "6g");
        o.verifyGc = true;
        o.gcLog = log.toString();
        GuestRun actual = GuestRun.toyvm(o, "HighHeap", "4608");
        assertEquals(expected.stdout(), actual.stdout(), "stderr:\n" + actual.stderr());
        assertEquals(0, actual.status());
        String first = Files.readAllLines(log).getFirst();
        Matcher m = LINE.matcher(first);
        // The live objects after the pad take under 1 MiB, so the used heap at GC(0) prints as 4608M or 4609M.
        assertTrue(m.matches() && Long.parseLong(m.group(4)) >= 4608, "GC(0) did not start above 4.5 GiB: " + first);
        assertTrue(actual.collections() >= 3, "only " + actual.collections() + " collections");
    }

    private static final Pattern LINE = Pattern.compile(
            "\\[(\\d+\\.\\d{3})s]\\[info]\\[gc] GC\\((\\d+)\\) Pause Full \\((Allocation Failure|System\\.gc\\(\\))\\)"
                    + " (\\d+)M->(\\d+)M\\((\\d+)M\\) (\\d+\\.\\d{3})ms");

    private static final Pattern PHASES = Pattern.compile("\\[(\\d+\\.\\d{3})s]\\[info]\\[gc,cpu] GC\\((\\d+)\\) Phases"
            + " mark (\\S+)ms plan (\\S+)ms update (\\S+)ms slide (\\S+)ms;"
            + " cpu mark (\\S+)ms plan (\\S+)ms update (\\S+)ms slide (\\S+)ms; compacted (\\d+)K");

    /** Each pause line is followed by its phase line (wall and CPU per phase: bench gc's stw side, issue 11). */
    @Test
    @Timeout(120)
    void gcLogHasOneUnifiedLoggingLinePerPause(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("gc.log");
        VmOptions o = GuestRun.options(GuestRun.guestClasses(), "2m");
        o.gcLog = log.toString();
        GuestRun run = GuestRun.toyvm(o, "Allocation");
        List<String> lines = Files.readAllLines(log);
        String summary = lines.removeLast();
        // A cycle that discovered weak references adds a gc,ref line (since the system class loader is an object,
        // every program has some: the JDK keeps its registry of parallel-capable loaders in a WeakHashMap).
        List<String> refLines = lines.stream().filter(l -> l.contains("][gc,ref] ")).toList();
        refLines.forEach(l -> assertTrue(l.matches("\\[\\d+\\.\\d{3}s]\\[info]\\[gc,ref] GC\\(\\d+\\) Weak references: \\d+"
                + " discovered, \\d+ cleared"), l));
        lines.removeAll(refLines);
        assertTrue(summary.matches("\\[\\d+\\.\\d{3}s]\\[info]\\[gc,heap,exit] Allocated \\d+K, " + run.collections()
                + " pauses, total pause \\d+\\.\\d{3}ms, used \\d+K"), summary);
        assertEquals(2 * run.collections(), lines.size(), String.join("\n", lines));
        for (int i = 0; i < run.collections(); i++) {
            Matcher m = LINE.matcher(lines.get(2 * i));
            assertTrue(m.matches(), "not unified-logging shaped: " + lines.get(2 * i));
            assertEquals(i, Integer.parseInt(m.group(2)));
            assertEquals(2, Integer.parseInt(m.group(6)));
            Matcher p = PHASES.matcher(lines.get(2 * i + 1));
            assertTrue(p.matches(), "no phase line after the pause: " + lines.get(2 * i + 1));
            assertEquals(i, Integer.parseInt(p.group(2)));
            double wall = 0;
            for (int g = 3; g <= 10; g++) {
                double ms = Double.parseDouble(p.group(g));
                assertTrue(ms >= 0, lines.get(2 * i + 1));
                wall += g <= 6 ? ms : 0;
            }
            // The phases lie inside the pause (request to resume); rounding of five 3-decimal figures aside.
            assertTrue(wall <= Double.parseDouble(m.group(7)) + 0.005, lines.get(2 * i) + "\n" + lines.get(2 * i + 1));
            assertEquals(Long.parseLong(m.group(5)), Long.parseLong(p.group(11)) >> 10, "compacted = used after");
        }
    }
}
