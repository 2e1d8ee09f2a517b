package dev.uffdgc.agent.compact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The lines of /proc/self/maps that overlap a range: for error messages about mappings. */
final class Maps {
    private Maps() {
    }

    static String around(long start, long end) {
        StringBuilder sb = new StringBuilder();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                String[] range = line.substring(0, line.indexOf(' ')).split("-");
                long lo = Long.parseUnsignedLong(range[0], 16);
                long hi = Long.parseUnsignedLong(range[1], 16);
                if (hi > start && lo < end) {
                    sb.append("  ").append(line).append('\n');
                }
            }
        } catch (IOException e) {
            sb.append("  (cannot read /proc/self/maps: ").append(e.getMessage()).append(")\n");
        }
        return sb.toString();
    }

    /** How many mappings overlap [start, end). */
    static int count(long start, long end) {
        return (int) around(start, end).lines().count();
    }
}
