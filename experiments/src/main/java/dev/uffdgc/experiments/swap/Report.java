package dev.uffdgc.experiments.swap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The experiment's CSV (every figure of every run) and markdown report (the tables and the seed claims). */
final class Report {
    /** CSV column order; any other key a run reports follows these. */
    static final List<String> COLUMNS = List.of("mode", "scenario", "status", "reason", "heapBytes", "arrays",
            "hotPerArray", "usedBefore", "usedAfter", "coldPages", "evictedPages", "evictNanos", "liveColdPages",
            "liveColdSwappedBefore", "heapSwappedBefore", "heapSwappedAfter", "heapPresentBefore",
            "heapPresentAfter", "swappedIn", "pswpin", "pgmajfault", "majorFaultsThread", "majorFaultsProcess",
            "minorFaultsThread", "wallNanos", "pauseNanos", "threadCpuNanos", "threadSysNanos", "processCpuNanos",
            "rssAfter", "swapAfter", "markNanos", "planNanos", "updateNanos", "relocateNanos", "ioctlNanos",
            "madviseNanos", "zeroFillNanos", "memmoveNanos", "pagemapNanos", "registerNanos", "pagesMoved",
            "pagesCopied", "pagesDropped", "pagesZeroFilled", "ioctls", "tailPagesRead", "liveArrays",
            "deadArrays", "cycleSlidPages", "cycleSlidHoles", "cycleBuiltPages", "cycleMovedPages",
            "cycleCopiedPages", "cycleFallbackCopies", "cycleDeadDropped", "graphIntact", "guestOutput", "guestStatus");

    private Report() {
    }

    static void writeCsv(Path file, List<RunResult> runs) {
        Set<String> keys = new LinkedHashSet<>(COLUMNS);
        for (RunResult r : runs) {
            keys.addAll(r.asMap().keySet());
        }
        StringBuilder sb = new StringBuilder(String.join(",", keys)).append('\n');
        for (RunResult r : runs) {
            List<String> cells = new ArrayList<>();
            for (String k : keys) {
                cells.add(csv(r.get(k)));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        write(file, sb.toString());
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    static String markdown(SwapOptions o, String swap, List<RunResult> runs, List<FlipPause.Point> flips, List<Claims.Row> claims) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Swap experiment\n\n");
        sb.append(String.format(Locale.ROOT, "Heap %d MiB, cold fraction %.2f, garbage fraction %.2f; swap: %s.%n%n",
                o.heapBytes >> 20, o.cold, o.garbage, swap));
        for (String scenario : o.scenarios) {
            sb.append("## One compaction, cold pages ").append(scenario.equals("swapped") ? "swapped out" : "resident").append("\n\n");
            sb.append("Compacting CPU: the collecting thread's CPU for stw and page-slide; the whole process's for copy and\n"
                    + "move, whose workers run beside the parked guest. Pause: until the guest runs again; wall: until the\n"
                    + "cycle is complete.\n\n");
            sb.append("| mode | live cold pages swapped out before | swapped in (pagemap) | pswpin | major faults | wall ms | pause ms | compacting CPU ms | heap RSS after MiB | heap swap after MiB | process RSS / VmSwap MiB | graph intact |\n");
            sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            for (RunResult r : runs) {
                if (!r.get("scenario").equals(scenario)) {
                    continue;
                }
                if (!r.ok()) {
                    sb.append("| ").append(r.get("mode")).append(" | ").append(r.get("status")).append(": ")
                            .append(r.get("reason").replace('|', '/').replace('\n', ' ')).append(" |||||||||||\n");
                    continue;
                }
                sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d / %d | %s |%n",
                        r.get("mode"), r.num("liveColdSwappedBefore"), r.num("swappedIn"), r.num("pswpin"),
                        r.num("majorFaultsThread"), ms(r, "wallNanos"), ms(r, "pauseNanos"), ms(r, "threadCpuNanos"),
                        r.num("heapPresentAfter") * 4096 / 1048576.0, r.num("heapSwappedAfter") * 4096 / 1048576.0,
                        r.num("rssAfter") >> 20, r.num("swapAfter") >> 20, r.get("graphIntact")));
            }
            sb.append('\n');
        }
        coldArrays(sb, runs);
        sb.append("## Phase breakdown (page-slide modes), ms\n\n");
        sb.append("| mode | scenario | mark | plan | update refs | MOVE/COPY ioctl | madvise | zero-fill | memmove + rest | pages moved | pages copied | pages dropped | pages zero-filled | tail pages read |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RunResult r : runs) {
            if (!r.ok() || !r.has("ioctlNanos")) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %d | %d | %d | %d |%n",
                    r.get("mode"), r.get("scenario"), ms(r, "markNanos"), ms(r, "planNanos"), ms(r, "updateNanos"),
                    ms(r, "ioctlNanos"), ms(r, "madviseNanos"), ms(r, "zeroFillNanos"), ms(r, "memmoveNanos"),
                    r.num("pagesMoved"), r.num("pagesCopied"), r.num("pagesDropped"), r.num("pagesZeroFilled"),
                    r.num("tailPagesRead")));
        }
        sb.append("\n## Flip pause: mremap(MAYMOVE|DONTUNMAP) + UFFDIO_REGISTER of a populated heap\n\n");
        sb.append("| heap MiB | flip median ms | flip max ms | mremap alone median ms |\n|---:|---:|---:|---:|\n");
        for (FlipPause.Point p : flips) {
            sb.append(String.format(Locale.ROOT, "| %d | %.3f | %.3f | %.3f |%n", p.heapBytes() >> 20, p.medianMillis(),
                    p.maxMillis(), p.mremapMedianMillis()));
        }
        sb.append("\n## Seed claims on this machine\n\n| # | claim | this machine | verdict |\n|---|---|---|---|\n");
        for (Claims.Row c : claims) {
            sb.append("| ").append(c.number()).append(" | ").append(c.claim()).append(" | ").append(c.figure())
                    .append(" | ").append(c.verdict()).append(" |\n");
        }
        sb.append("\nPlots: `swapped-in.png`, `time.png`, `phases.png`, `flip-pause.png`; every figure: `runs.csv`.\n");
        return sb.toString();
    }

    /**
     * Issue 11's row pair: the concurrent compactor with MOVE slides a large array's whole pages unread (swapped out
     * ones stay swapped out), with COPY it builds, so reads, every page; stop-the-world page-slide for reference.
     */
    private static void coldArrays(StringBuilder sb, List<RunResult> runs) {
        sb.append("## Cold large arrays under the concurrent compactor (issue 11), cold pages swapped out\n\n");
        sb.append("Pages slid: destination pages MOVE'd straight from the from-space, never built nor read (a large\n"
                + "array's whole pages; holes among them get a zero page first). Built: every other destination page\n"
                + "(reads its source pages). Fallback copies: MOVEs the kernel refused (EBUSY/ENOMEM), copied instead.\n\n");
        sb.append("| mode | live cold pages swapped out before | swapped in (pagemap) | pswpin | major faults | pages slid (holes) | pages built | pages MOVE'd / COPY'd | fallback copies | wall ms | graph intact |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (String mode : List.of(Mode.MOVE.label, Mode.COPY.label, Mode.SLIDE.label)) {
            for (RunResult r : runs) {
                if (!r.ok() || !r.get("mode").equals(mode) || !r.get("scenario").equals("swapped")) {
                    continue;
                }
                boolean concurrent = r.has("cycleSlidPages");
                sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s | %s | %s | %s | %.1f | %s |%n",
                        mode, r.num("liveColdSwappedBefore"), r.num("swappedIn"), r.num("pswpin"),
                        r.num("majorFaultsThread"),
                        concurrent ? r.num("cycleSlidPages") + " (" + r.num("cycleSlidHoles") + ")" : "(stw)",
                        concurrent ? String.valueOf(r.num("cycleBuiltPages")) : "(stw)",
                        concurrent ? r.num("cycleMovedPages") + " / " + r.num("cycleCopiedPages")
                                : r.num("pagesMoved") + " / " + r.num("pagesCopied"),
                        concurrent ? String.valueOf(r.num("cycleFallbackCopies")) : "-",
                        ms(r, "wallNanos"), r.get("graphIntact")));
            }
        }
        sb.append('\n');
    }

    static double ms(RunResult r, String key) {
        return r.num(key) / 1e6;
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
