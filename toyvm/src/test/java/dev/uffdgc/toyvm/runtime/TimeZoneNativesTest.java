package dev.uffdgc.toyvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** TimeZone.getSystemTimeZoneID as HotSpot answers it (checked by hand: TZ unset, UTC, :Zone, posix/Zone, XYZ-3). */
class TimeZoneNativesTest {
    @Test
    void theEnvironmentsZoneIsHotSpots() {
        // This JVM read the same environment and files at its start-up: its default zone is the reference (no
        // -Duser.timezone in the build's test JVMs). Unset TZ takes the platform path (/etc/timezone, /etc/localtime).
        assertEquals(TimeZone.getDefault().getID(), TimeZoneNatives.systemTimeZoneId(System.getenv("TZ")));
    }

    @Test
    void tzIsTakenAsTheJdksCCodeTakesIt() {
        assertEquals("Europe/Berlin", TimeZoneNatives.systemTimeZoneId("Europe/Berlin"));
        assertEquals("America/New_York", TimeZoneNatives.systemTimeZoneId(":America/New_York"));
        assertEquals("Asia/Tokyo", TimeZoneNatives.systemTimeZoneId("posix/Asia/Tokyo"));
        // An ID Java does not know is passed on as it is: TimeZone then asks getSystemGMTOffsetID.
        assertEquals("XYZ-3", TimeZoneNatives.systemTimeZoneId("XYZ-3"));
        assertEquals(TimeZoneNatives.systemTimeZoneId(null), TimeZoneNatives.systemTimeZoneId(""));
    }
}
