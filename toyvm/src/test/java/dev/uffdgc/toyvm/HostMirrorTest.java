package dev.uffdgc.toyvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Host-twin natives write back only what they changed: a concurrent guest write elsewhere in the array survives. */
class HostMirrorTest {
    @Test
    @Timeout(120)
    void aSortOfPartOfAnArrayDoesNotUndoConcurrentWritesToTheRest() {
        GuestRun run = GuestRun.toyvm(GuestRun.options(GuestRun.guestClasses(), "8m"), "NativeArrayRace", "200000");
        assertEquals(0, run.status(), run.stderr());
        assertEquals("a[0] = 200000 of 200000, sorted true\n", run.stdout(), run.stderr());
    }
}
