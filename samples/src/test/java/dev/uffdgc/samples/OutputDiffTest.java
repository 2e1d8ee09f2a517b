package dev.uffdgc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The failure messages of the differential test name the first differing line, invisible differences included. */
class OutputDiffTest {
    @Test
    void equalOutputsHaveNoDifference() {
        assertNull(OutputDiff.firstDifference("a", "x\ny\n", "b", "x\ny\n"));
    }

    @Test
    void namesTheFirstDifferingLine() {
        assertEquals("first difference at line 2 (of 3 vs 3):\nHotSpot: \"y\"\ntoyvm  : \"Y\"",
                OutputDiff.firstDifference("HotSpot", "x\ny\nz\n", "toyvm", "x\nY\nz\n"));
    }

    @Test
    void showsAMissingFinalNewlineAndAShorterOutput() {
        assertEquals("first difference at line 2 (of 2 vs 2):\nHotSpot: \"y\"\ntoyvm  : \"y\" <no final newline>",
                OutputDiff.firstDifference("HotSpot", "x\ny\n", "toyvm", "x\ny"));
        assertEquals("first difference at line 2 (of 2 vs 1):\nHotSpot: \"y\"\ntoyvm  : <end of output>",
                OutputDiff.firstDifference("HotSpot", "x\ny\n", "toyvm", "x\n"));
    }

    @Test
    void runsDifferInExitCodeAndStreams() {
        var hotspot = new SampleRunner.Result(0, "ok\n", "");
        var toyvm = new SampleRunner.Result(1, "ok\n", "Exception in thread \"main\" java.lang.Error\n");
        String d = OutputDiff.betweenRuns(hotspot, toyvm);
        assertEquals("\nexit code: HotSpot 0, toyvm 1\nstderr: first difference at line 1 (of 0 vs 1):\n"
                + "HotSpot: <end of output>\ntoyvm  : \"Exception in thread \"main\" java.lang.Error\"\n"
                + "toyvm stderr begins:\nException in thread \"main\" java.lang.Error", d);
        assertNull(OutputDiff.betweenRuns(hotspot, new SampleRunner.Result(0, "ok\n", "")));
    }
}
