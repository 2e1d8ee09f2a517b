package dev.uffdgc.toyvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Guest programs from src/test/guest print the same and exit the same on toyvm as on HotSpot. */
class DifferentialTest {
    @ParameterizedTest
    @ValueSource(strings = {"Arith", "Calls", "Exceptions", "Strings", "Language", "Allocation", "Collections2",
            "ThreadBasics", "ConcurrentLib", "ThreadedLruStress", "BlockedDuringGc", "Training"})
    @Timeout(120)
    void sameOutputAsHotSpot(String mainClass) {
        GuestRun expected = GuestRun.hotspot(GuestRun.guestClasses(), mainClass);
        GuestRun actual = GuestRun.toyvm(GuestRun.options(GuestRun.guestClasses(), null), mainClass);
        assertEquals(expected.stdout(), actual.stdout(), mainClass + " stdout; toyvm stderr:\n" + actual.stderr());
        assertEquals(expected.status(), actual.status(), mainClass + " exit status; toyvm stderr:\n" + actual.stderr());
        assertEquals(expected.firstErrorLine(), actual.firstErrorLine(), mainClass + " uncaught exception line");
    }
}
