package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.Vm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;

/**
 * java.util.TimeZone's natives, as the JDK's C code (TimeZone_md.c, Linux) answers them, so that the JDK's own
 * TimeZone, Calendar, SimpleDateFormat and Formatter's %t run: the zone ID is $TZ (a leading ':' and "posix/"
 * dropped), else the first line of /etc/timezone, else the zone /etc/localtime links to (the part after
 * "zoneinfo/"), else the zoneinfo file with the same bytes as /etc/localtime; null when none of these says.
 * HotSpot's TimeZone.getDefault() on this machine is the reference (TZ unset: Etc/UTC, from /etc/timezone).
 */
final class TimeZoneNatives {
    private static final Path ETC_TIMEZONE = Path.of("/etc/timezone");
    private static final Path LOCALTIME = Path.of("/etc/localtime");
    private static final Path ZONEINFO = Path.of("/usr/share/zoneinfo");

    private TimeZoneNatives() {
    }

    static void register(Vm vm, Intrinsics r) {
        r.add("java/util/TimeZone", "getSystemTimeZoneID(Ljava/lang/String;)Ljava/lang/String;", (t, b) -> {
            String id = systemTimeZoneId(System.getenv("TZ"));
            t.refs[b] = id == null ? 0 : vm.strings.newString(t, id);
        });
        r.add("java/util/TimeZone", "getSystemGMTOffsetID()Ljava/lang/String;",
                (t, b) -> t.refs[b] = vm.strings.newString(t, gmtOffsetId()));
    }

    static String systemTimeZoneId(String tz) {
        if (tz == null || tz.isEmpty()) {
            tz = platformTimeZoneId();
            if (tz == null) {
                return null;
            }
        }
        if (tz.startsWith(":")) {
            tz = tz.substring(1);
        }
        return tz.startsWith("posix/") ? tz.substring("posix/".length()) : tz;
    }

    /**
     * The C code's getGMTOffsetID: libc's offset of local time now as "GMT+hh:mm", "GMT" at UTC. Asked only
     * when $TZ names a zone Java does not know (a POSIX rule such as "XYZ-3"); the host JVM read the same
     * environment at its start-up and fell back to the same custom zone, so its default zone's offset is libc's.
     */
    private static String gmtOffsetId() {
        int minutes = TimeZone.getDefault().getOffset(System.currentTimeMillis()) / 60_000;
        if (minutes == 0) {
            return "GMT";
        }
        int abs = Math.abs(minutes);
        return String.format("GMT%c%02d:%02d", minutes < 0 ? '-' : '+', abs / 60, abs % 60);
    }

    private static String platformTimeZoneId() {
        try {
            if (Files.isRegularFile(ETC_TIMEZONE)) {
                List<String> lines = Files.readAllLines(ETC_TIMEZONE);
                if (!lines.isEmpty() && !lines.getFirst().isEmpty()) {
                    return lines.getFirst();
                }
            }
            if (!Files.exists(LOCALTIME, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            if (Files.isSymbolicLink(LOCALTIME)) {
                String link = Path.of(Files.readSymbolicLink(LOCALTIME).toString()).normalize().toString();
                int at = link.indexOf("zoneinfo/");
                if (at >= 0) {
                    return link.substring(at + "zoneinfo/".length());
                }
            }
            return sameZoneinfoFile(Files.readAllBytes(LOCALTIME), ZONEINFO);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** findZoneinfoFile: UTC and GMT first, then every file in directory order, skipping what the C code skips. */
    private static String sameZoneinfoFile(byte[] localtime, Path dir) throws IOException {
        if (dir.equals(ZONEINFO)) {
            for (String popular : List.of("UTC", "GMT")) {
                Path p = dir.resolve(popular);
                if (Files.isRegularFile(p) && Arrays.equals(localtime, Files.readAllBytes(p))) {
                    return popular;
                }
            }
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.toList();
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (name.startsWith(".") || name.equals("ROC") || name.equals("posixrules") || name.equals("localtime")) {
                continue;
            }
            String found = null;
            if (Files.isDirectory(p)) {
                found = sameZoneinfoFile(localtime, p);
            } else if (Files.isRegularFile(p) && Files.size(p) == localtime.length
                    && Arrays.equals(localtime, Files.readAllBytes(p))) {
                found = ZONEINFO.relativize(p).toString();
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
