package dev.uffdgc.agent.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.toyvm.gc.synthetic.SyntheticHeap;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The concurrent mark with helper threads ({@code markers=N}) marks what the stop-the-world mark marks: the same
 * objects, the same live granules, the same live bytes per page (counted from the bitmap after the mark, not per
 * object), the same totals, with large arrays by flag; and the helpers took part (work was handed over). Red when a
 * handed-over packet is dropped, or when the page counts are not summed from the bitmap — both tried.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MarkHelpersTest {
    private static final int OBJECTS = 60_000;

    @ParameterizedTest
    @CsvSource({"71, 2", "72, 3"})
    void parallelMarkMarksWhatTheStopTheWorldMarkMarks(long seed, int markers) throws InterruptedException {
        SyntheticHeap h = new SyntheticHeap(32 << 20).randomGraph(seed, OBJECTS);
        Marker serial = new Marker(h);
        Marker parallel = new Marker(h, markers);
        try {
            assertTrue(h.stopTheWorld());
            serial.mark(h.top());
            int helped = 0;
            // The helpers must wake while the marker still has work; on a loaded machine that may take a few marks.
            for (int i = 0; i < 20 && (i < 3 || helped == 0); i++) {
                parallel.snapshot(h);
                parallel.concurrentMark();
                parallel.drainRest();
                int byHelpers = parallel.helperLiveObjects();
                parallel.endMark(h.top());
                if (byHelpers > 0) {
                    helped++;
                }
                assertSameMark(h, serial, parallel);
            }
            h.resumeTheWorld();
            assertTrue(helped > 0, "the helpers never marked anything");
        } finally {
            parallel.shutdown();
            assertTrue(parallel.join(System.nanoTime() + TimeUnit.SECONDS.toNanos(10)), "a helper thread did not end");
        }
    }

    private static void assertSameMark(SyntheticHeap h, Marker serial, Marker parallel) {
        long top = h.top();
        for (long a = serial.bits.nextStart(0, top), b = parallel.bits.nextStart(0, top); a >= 0 || b >= 0;
                a = serial.bits.nextStart(a + 8, top), b = parallel.bits.nextStart(b + 8, top)) {
            assertEquals(a, b, "marked objects differ");
        }
        for (int c = 0; c < dev.uffdgc.toyvm.gc.toolkit.MarkBitmap.chunks(top); c++) {
            assertEquals(serial.bits.liveBits(c), parallel.bits.liveBits(c), "live granules of chunk " + c);
        }
        assertEquals(Arrays.toString(serial.pageLive), Arrays.toString(parallel.pageLive), "live bytes per page");
        assertEquals(serial.liveBytes(), parallel.liveBytes());
        assertEquals(serial.liveObjects(), parallel.liveObjects());
        assertEquals(serial.arrays.liveCount(), parallel.arrays.liveCount(), "large arrays marked by flag");
    }
}
