package dev.uffdgc.experiments.swap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The seed's four quantitative claims, each checked against this run's figures. COPY and MOVE are compared on
 * the page-slide compactor, whose two backends differ only in the ioctl that places an array's pages (and the
 * MADV_DONTNEED a copy needs afterwards); the agent's concurrent modes are reported next to them when present.
 */
final class Claims {
    record Row(int number, String claim, String figure, String verdict) {
    }

    private Claims() {
    }

    static List<Row> evaluate(List<RunResult> runs, List<FlipPause.Point> flips) {
        List<Row> rows = new ArrayList<>();
        rows.add(claim1(find(runs, Mode.SLIDE_COPY, "resident"), find(runs, Mode.SLIDE, "resident")));
        rows.add(claim2(find(runs, Mode.SLIDE_COPY, "resident"), find(runs, Mode.SLIDE, "resident"),
                find(runs, Mode.SLIDE_COPY, "swapped"), find(runs, Mode.SLIDE, "swapped")));
        rows.add(claim3(find(runs, Mode.SLIDE, "swapped"), find(runs, Mode.SLIDE_COPY, "swapped"), find(runs, Mode.STW, "swapped")));
        rows.add(claim4(flips));
        rows.add(claim5(find(runs, Mode.MOVE, "swapped"), find(runs, Mode.COPY, "swapped")));
        return rows;
    }

    private static RunResult find(List<RunResult> runs, Mode mode, String scenario) {
        for (RunResult r : runs) {
            if (r.ok() && r.get("mode").equals(mode.label) && r.get("scenario").equals(scenario)) {
                return r;
            }
        }
        return null;
    }

    private static long pageWork(RunResult r) {
        return r.num("ioctlNanos") + r.num("madviseNanos") + r.num("zeroFillNanos");
    }

    private static Row claim1(RunResult copy, RunResult move) {
        String claim = "COPY-based compaction spends about half its time in page allocation, faults, memcpy and madvise; MOVE removes most of that";
        if (copy == null || move == null) {
            return new Row(1, claim, "not measured (needs copy+page-slide and move+page-slide, resident)", "n/a");
        }
        double copyShare = pageWork(copy) / (double) copy.num("wallNanos");
        double removed = 1 - pageWork(move) / (double) pageWork(copy);
        String fig = String.format(Locale.ROOT, "copy+page-slide: %.0f%% of %.1f ms in COPY ioctl + madvise + zero-fill;"
                        + " move+page-slide: %.1f ms of such page work (%.0f%% less)",
                100 * copyShare, copy.num("wallNanos") / 1e6, pageWork(move) / 1e6, 100 * removed);
        String verdict = copyShare >= 0.35 && removed >= 0.5 ? "holds" : copyShare < 0.35 && removed >= 0.5
                ? "partly: MOVE removes most page work, but page work is less than half of this heap's compaction"
                : "does not hold here";
        return new Row(1, claim, fig, verdict);
    }

    private static Row claim2(RunResult copyR, RunResult moveR, RunResult copyS, RunResult moveS) {
        String claim = "MOVE cuts compacting-thread time by more than 40% against COPY on the same heap";
        if (copyR == null || moveR == null) {
            return new Row(2, claim, "not measured", "n/a");
        }
        double cutR = 1 - moveR.num("threadCpuNanos") / (double) Math.max(1, copyR.num("threadCpuNanos"));
        String fig = String.format(Locale.ROOT, "resident: thread CPU %.1f ms (copy) vs %.1f ms (move), %.0f%% less",
                copyR.num("threadCpuNanos") / 1e6, moveR.num("threadCpuNanos") / 1e6, 100 * cutR);
        double cutS = Double.NaN;
        if (copyS != null && moveS != null) {
            cutS = 1 - moveS.num("wallNanos") / (double) Math.max(1, copyS.num("wallNanos"));
            fig += String.format(Locale.ROOT, "; swapped: wall %.1f ms vs %.1f ms, %.0f%% less",
                    copyS.num("wallNanos") / 1e6, moveS.num("wallNanos") / 1e6, 100 * cutS);
        }
        String verdict = cutR > 0.40 ? "holds" : cutS > 0.40 ? "holds with swapped-out data only" : "does not hold here";
        return new Row(2, claim, fig, verdict);
    }

    private static Row claim3(RunResult move, RunResult copy, RunResult stw) {
        String claim = "Page-level compaction of swapped-out pages with MOVE swaps in none of them; COPY swaps in all of them";
        if (move == null || copy == null) {
            return new Row(3, claim, "not measured (needs swap)", "n/a");
        }
        String fig = String.format(Locale.ROOT, "MOVE: %d of %d live swapped-out pages swapped in (pswpin %d, major faults %d);"
                        + " COPY: %d of %d (pswpin %d, major faults %d)",
                move.num("swappedIn"), move.num("liveColdSwappedBefore"), move.num("pswpin"), move.num("majorFaultsThread"),
                copy.num("swappedIn"), copy.num("liveColdSwappedBefore"), copy.num("pswpin"), copy.num("majorFaultsThread"));
        if (stw != null) {
            fig += String.format(Locale.ROOT, "; stw: %d (pswpin %d)", stw.num("swappedIn"), stw.num("pswpin"));
        }
        boolean moveNone = move.num("swappedIn") == 0 && move.num("majorFaultsThread") == 0;
        // COPY reads only the pages it copies (arrays that stay in place are not copied): compare with those.
        long copiedSwapped = Math.min(copy.num("pagesCopied"), copy.num("liveColdSwappedBefore"));
        boolean copyAll = copy.num("swappedIn") > 0 && copy.num("swappedIn") >= copiedSwapped * 9 / 10;
        String verdict = moveNone && copyAll ? "holds" : moveNone ? "partly: MOVE swaps in none; COPY swaps in only some"
                : "does not hold here";
        return new Row(3, claim, fig, verdict);
    }

    /** Issue 11: the concurrent collector users run, not only page-slide, keeps cold large arrays swapped out. */
    private static Row claim5(RunResult move, RunResult copy) {
        String claim = "The concurrent compactor with MOVE slides large arrays' pages unread: it swaps in none of the"
                + " cold arrays' pages; with COPY it swaps in all of them (issue 11)";
        if (move == null || copy == null) {
            return new Row(5, claim, "not measured (needs swap, copy and move)", "n/a");
        }
        String fig = String.format(Locale.ROOT, "move: %d of %d swapped in (pswpin %d), %d pages slid unread;"
                        + " copy: %d of %d (pswpin %d)",
                move.num("swappedIn"), move.num("liveColdSwappedBefore"), move.num("pswpin"), move.num("cycleSlidPages"),
                copy.num("swappedIn"), copy.num("liveColdSwappedBefore"), copy.num("pswpin"));
        boolean moveNone = move.num("swappedIn") == 0 && move.num("liveColdSwappedBefore") > 0;
        boolean copyAll = copy.num("liveColdSwappedBefore") > 0
                && copy.num("swappedIn") >= copy.num("liveColdSwappedBefore") * 9 / 10;
        String verdict = moveNone && copyAll ? "holds" : moveNone ? "partly: move swaps in none; copy swaps in only some"
                : "does not hold here";
        return new Row(5, claim, fig, verdict);
    }

    private static Row claim4(List<FlipPause.Point> flips) {
        String claim = "The flip (mremap DONTUNMAP) pause as a function of heap size";
        if (flips.isEmpty()) {
            return new Row(4, claim, "not measured", "n/a");
        }
        StringBuilder fig = new StringBuilder();
        for (FlipPause.Point p : flips) {
            fig.append(fig.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%d MiB: %.2f ms", p.heapBytes() >> 20, p.medianMillis()));
        }
        FlipPause.Point first = flips.getFirst();
        FlipPause.Point last = flips.getLast();
        double perGiB = (last.medianMillis() - first.medianMillis()) / ((last.heapBytes() - first.heapBytes()) / (double) (1L << 30));
        fig.append(String.format(Locale.ROOT, " (~%.2f ms per GiB: linear in the page-table entries moved)", perGiB));
        return new Row(4, claim, fig.toString(), "measured");
    }
}
