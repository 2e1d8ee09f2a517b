package dev.uffdgc.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pauses in a unified-logging gc log ({@code -Xlog:gc}), read from the log lines themselves:
 * {@code [0.515s][info][gc] GC(0) Pause Full (Allocation Failure) 24M->3M(256M) 2.345ms}. Kept independent of
 * GCViewer so the two can be checked against each other. Sizes accept the units HotSpot and GCViewer use (B K M G).
 */
record GcLogSummary(List<Pause> pauses) {
    private static final Pattern PAUSE = Pattern.compile(
            "\\[[^]]*]\\[info]\\[gc] GC\\((\\d+)\\) (Pause [^0-9]*?) (\\d+)([BKMG])->(\\d+)([BKMG])\\((\\d+)([BKMG])\\) ([0-9.]+)ms");

    /** One stop-the-world pause: heap occupancy before and after, heap capacity, all in bytes. */
    record Pause(int id, String type, long before, long after, long capacity, double millis) {}

    static GcLogSummary read(Path log) {
        try {
            return parse(Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gc log " + log, e);
        }
    }

    static GcLogSummary parse(String log) {
        List<Pause> pauses = new ArrayList<>();
        for (String line : log.split("\n")) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                pauses.add(new Pause(Integer.parseInt(m.group(1)), m.group(2), bytes(m.group(3), m.group(4)),
                        bytes(m.group(5), m.group(6)), bytes(m.group(7), m.group(8)), Double.parseDouble(m.group(9))));
            }
        }
        return new GcLogSummary(List.copyOf(pauses));
    }

    int count() {
        return pauses.size();
    }

    double totalPauseMillis() {
        return pauses.stream().mapToDouble(Pause::millis).sum();
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit) {
            case "B" -> n;
            case "K" -> n << 10;
            case "M" -> n << 20;
            case "G" -> n << 30;
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }
}
