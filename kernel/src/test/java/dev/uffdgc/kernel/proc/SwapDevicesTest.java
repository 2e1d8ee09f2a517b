package dev.uffdgc.kernel.proc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class SwapDevicesTest {
    private static final String HEADER = "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n";

    @Test
    void noSwapIsAnEmptyList() {
        assertEquals(List.of(), SwapDevices.parse(HEADER));
    }

    @Test
    void parsesRowsWithEscapedAndDeletedNames() {
        String text = HEADER
                + "/dev/vdb                                partition\t1048572\t\t0\t\t-2\n"
                + "/var/tmp/my\\040swap                     file\t\t65532\t\t1024\t\t-3\n"
                + "/var/tmp/gone.swap (deleted)            file\t\t4092\t\t0\t\t5\n";
        List<SwapDevices.Device> d = SwapDevices.parse(text);
        assertEquals(3, d.size());
        assertEquals(new SwapDevices.Device("/dev/vdb", "partition", 1048572L * 1024, 0, -2), d.get(0));
        assertEquals(new SwapDevices.Device("/var/tmp/my swap", "file", 65532L * 1024, 1024L * 1024, -3), d.get(1));
        assertEquals("/var/tmp/gone.swap (deleted)", d.get(2).filename());
        assertEquals(5, d.get(2).priority());
    }

    @Test
    void theLiveFileParses() {
        for (SwapDevices.Device d : SwapDevices.active()) {
            assertTrue(d.sizeBytes() > 0 && d.usedBytes() >= 0 && d.usedBytes() <= d.sizeBytes(), d.toString());
        }
    }
}
