package dev.uffdgc.agent.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench gc --out}'s tables (issue 11), written here and read back by the plots (experiments, where XChart
 * is) and by anyone with a spreadsheet: {@code gc.csv} with exactly {@link #COLUMNS}, one row per workload x mode x
 * guest threads; {@code gc-runs.csv}, the agent's ioctl time per page per run-length bucket beside the C floor of
 * that run length; and {@code gc.md}, both as markdown with the same-run ratios the goals are judged by.
 */
public final class GcTable {
    /** The columns of gc.csv, in order (the issue names them). */
    public static final String COLUMNS = "workload,mode,threads,compaction_mb_s,cpu_ms_per_live_mb,pmd_bytes,"
            + "pte_run_bytes,single_page_bytes,copied_bytes,ioctls,tlb_shootdowns,stall_pct";
    public static final String RUN_COLUMNS = "workload,mode,threads,bucket,ioctls_all_rounds,pages_all_rounds,agent_ns_per_page,"
            + "floor_ns_per_page,floor_busy_ns_per_page";

    /**
     * One row of gc.csv; byte and count columns are per run (means over the rounds).
     * {@code compactionMbS}: agent, bytes mapped over the summed thread time of page allocation, building and
     * ioctls; stw, bytes compacted over plan + update + slide. {@code cpuMsPerLiveMb}: compaction CPU time (mark
     * excluded) per MiB compacted (the new top). {@code tlbShootdowns}: machine-wide, -1 where not counted.
     * {@code stallPct}: the mutators' stall (waiting for or building a page, userfaults), summed over them, as a
     * percentage of cycle time (pause + concurrent phase) x guest threads (stw: 100, the world is stopped).
     */
    public record Row(String workload, String mode, int threads, double compactionMbS, double cpuMsPerLiveMb,
            long pmdBytes, long pteRunBytes, long singlePageBytes, long copiedBytes, long ioctls, long tlbShootdowns,
            double stallPct) {
        public Row {
            if (workload.contains(",") || mode.contains(",")) {
                throw new IllegalArgumentException("a CSV text field holds a comma: " + workload + " / " + mode);
            }
        }

        String csv() {
            return String.join(",", workload, mode, Integer.toString(threads), num(compactionMbS), num(cpuMsPerLiveMb),
                    Long.toString(pmdBytes), Long.toString(pteRunBytes), Long.toString(singlePageBytes),
                    Long.toString(copiedBytes), Long.toString(ioctls), Long.toString(tlbShootdowns), num(stallPct));
        }
    }

    /**
     * One run-length bucket of one agent row: ioctls and pages over all rounds, the agent's ioctl ns per page, and the C
     * floor's (bench kernel's move_N / copy_N rows, alone and with a busy sibling thread; NaN: no such row).
     */
    public record RunRow(String workload, String mode, int threads, String bucket, long ioctls, long pages,
            double agentNsPerPage, double floorNsPerPage, double floorBusyNsPerPage) {
        /** Floor time over agent time: the agent's speed as a fraction of the floor's (the goal: >= 0.8). */
        public double ratio() {
            return floorNsPerPage / agentNsPerPage;
        }

        public double ratioBusy() {
            return floorBusyNsPerPage / agentNsPerPage;
        }

        String csv() {
            return String.join(",", workload, mode, Integer.toString(threads), bucket, Long.toString(ioctls),
                    Long.toString(pages), num(agentNsPerPage), num(floorNsPerPage), num(floorBusyNsPerPage));
        }
    }

    private GcTable() {
    }

    public static String csv(List<Row> rows) {
        StringBuilder s = new StringBuilder(COLUMNS).append('\n');
        rows.forEach(r -> s.append(r.csv()).append('\n'));
        return s.toString();
    }

    public static String runsCsv(List<RunRow> rows) {
        StringBuilder s = new StringBuilder(RUN_COLUMNS).append('\n');
        rows.forEach(r -> s.append(r.csv()).append('\n'));
        return s.toString();
    }

    /**
     * Reads gc.csv back. The header must be {@link #COLUMNS} exactly, every line must have every column, and every
     * number must parse: otherwise an IllegalArgumentException names the line and the column.
     */
    public static List<Row> parse(String csv) {
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty() || !lines.getFirst().equals(COLUMNS)) {
            throw new IllegalArgumentException("gc.csv: the header must be '" + COLUMNS + "', got '"
                    + (lines.isEmpty() ? "" : lines.getFirst()) + "'");
        }
        String[] names = COLUMNS.split(",");
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length != names.length) {
                throw new IllegalArgumentException("gc.csv line " + (i + 1) + ": " + f.length + " columns, expected "
                        + names.length + " (" + COLUMNS + ")");
            }
            Fields v = new Fields(f, names, i + 1);
            rows.add(new Row(v.text(0), v.text(1), (int) v.integer(2), v.real(3), v.real(4), v.integer(5),
                    v.integer(6), v.integer(7), v.integer(8), v.integer(9), v.integer(10), v.real(11)));
        }
        return rows;
    }

    /** The fields of one line, each parsed with the line number and column name in the message when it fails. */
    private record Fields(String[] f, String[] names, int line) {
        String text(int i) {
            if (f[i].isEmpty()) {
                throw bad(i, "empty");
            }
            return f[i];
        }

        long integer(int i) {
            try {
                return Long.parseLong(f[i]);
            } catch (NumberFormatException e) {
                throw bad(i, "not an integer: '" + f[i] + "'");
            }
        }

        double real(int i) {
            try {
                return f[i].equals("NaN") ? Double.NaN : Double.parseDouble(f[i]);
            } catch (NumberFormatException e) {
                throw bad(i, "not a number: '" + f[i] + "'");
            }
        }

        private IllegalArgumentException bad(int i, String why) {
            return new IllegalArgumentException("gc.csv line " + line + ", column " + names[i] + ": " + why);
        }
    }

    /**
     * gc.md: the rows as a table, the same-run ratios per workload and threads (move/copy compaction MB/s, agent/stw
     * CPU per MiB compacted), and the agent-vs-floor table per run-length bucket.
     */
    public static String markdown(List<Row> rows, List<RunRow> runs, String heading) {
        StringBuilder s = new StringBuilder("# bench gc\n\n").append(heading).append("\n\n");
        s.append("| workload | mode | threads | compaction MB/s | CPU ms / MiB compacted | PMD KiB | PTE runs KiB"
                + " | single pages KiB | copied KiB | ioctls | TLB shootdowns | stall % |\n");
        s.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.2f | %d | %d | %d | %d | %d | %s | %.1f |%n",
                    r.workload, r.mode, r.threads, r.compactionMbS, r.cpuMsPerLiveMb, r.pmdBytes >> 10,
                    r.pteRunBytes >> 10, r.singlePageBytes >> 10, r.copiedBytes >> 10, r.ioctls,
                    r.tlbShootdowns < 0 ? "n/a" : Long.toString(r.tlbShootdowns), r.stallPct));
        }
        s.append("\n## Same-run ratios (goals: move/copy MB/s >= 2; agent/stw CPU per MiB <= 1)\n\n");
        s.append("| workload | threads | move/copy MB/s | move/stw CPU per MiB | copy/stw CPU per MiB |\n");
        s.append("|---|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            if (r.mode.equals("stw")) {
                Row copy = find(rows, r, "copy");
                Row move = find(rows, r, "move");
                s.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", r.workload, r.threads,
                        ratio(move == null ? Double.NaN : move.compactionMbS, copy == null ? Double.NaN : copy.compactionMbS),
                        ratio(move == null ? Double.NaN : move.cpuMsPerLiveMb, r.cpuMsPerLiveMb),
                        ratio(copy == null ? Double.NaN : copy.cpuMsPerLiveMb, r.cpuMsPerLiveMb)));
            }
        }
        s.append("\n## Agent vs C floor, ioctl time per page by run length (goal: floor/agent >= 0.8)\n\n");
        s.append("| workload | mode | threads | run length | ioctls (all rounds) | pages (all rounds) | agent ns/page"
                + " | floor ns/page | floor/agent"
                + " | floor busy ns/page | floor busy/agent |\n");
        s.append("|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RunRow r : runs) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %d | %d | %.0f | %s | %s | %s | %s |%n",
                    r.workload, r.mode, r.threads, r.bucket, r.ioctls, r.pages, r.agentNsPerPage,
                    fmt(r.floorNsPerPage), ratio(r.floorNsPerPage, r.agentNsPerPage), fmt(r.floorBusyNsPerPage),
                    ratio(r.floorBusyNsPerPage, r.agentNsPerPage)));
        }
        return s.toString();
    }

    private static Row find(List<Row> rows, Row like, String mode) {
        return rows.stream().filter(r -> r.workload.equals(like.workload) && r.threads == like.threads
                && r.mode.equals(mode)).findFirst().orElse(null);
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "-" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.3f", v);
    }
}
