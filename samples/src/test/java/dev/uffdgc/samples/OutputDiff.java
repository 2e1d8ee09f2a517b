package dev.uffdgc.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * Where two outputs first differ, said the way a reader needs it in a failure message: the line number and both
 * versions of that line, with invisible differences (a missing newline at the end, trailing spaces) made visible.
 */
final class OutputDiff {
    private OutputDiff() {}

    /** null when equal; otherwise a description of the first differing line. */
    static String firstDifference(String expectedName, String expected, String actualName, String actual) {
        if (expected.equals(actual)) {
            return null;
        }
        List<String> e = lines(expected);
        List<String> a = lines(actual);
        int i = 0;
        while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) {
            i++;
        }
        int width = Math.max(expectedName.length(), actualName.length());
        return "first difference at line " + (i + 1) + " (of " + e.size() + " vs " + a.size() + "):\n"
                + pad(expectedName, width) + ": " + show(e, i) + "\n"
                + pad(actualName, width) + ": " + show(a, i);
    }

    /** null when the runs agree; otherwise every way they differ, first differing line of each stream. */
    static String betweenRuns(SampleRunner.Result hotspot, SampleRunner.Result toyvm) {
        StringBuilder why = new StringBuilder();
        if (hotspot.exitCode() != toyvm.exitCode()) {
            why.append("\nexit code: HotSpot ").append(hotspot.exitCode()).append(", toyvm ").append(toyvm.exitCode());
        }
        String out = firstDifference("HotSpot", hotspot.stdout(), "toyvm", toyvm.stdout());
        if (out != null) {
            why.append("\nstdout: ").append(out);
        }
        String err = firstDifference("HotSpot", hotspot.stderr(), "toyvm", toyvm.stderr());
        if (err != null) {
            why.append("\nstderr: ").append(err).append("\ntoyvm stderr begins:\n").append(head(toyvm.stderr(), 25));
        }
        return why.isEmpty() ? null : why.toString();
    }

    private static String head(String text, int lines) {
        List<String> all = text.lines().toList();
        String shown = String.join("\n", all.subList(0, Math.min(lines, all.size())));
        return all.size() > lines ? shown + "\n... (" + (all.size() - lines) + " more lines)" : shown;
    }

    /** The lines of text, each with its '\n' if it has one, so a missing final newline is a difference too. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int to = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(from, to));
            from = to;
        }
        return lines;
    }

    private static String show(List<String> lines, int i) {
        if (i >= lines.size()) {
            return "<end of output>";
        }
        String line = lines.get(i);
        boolean terminated = line.endsWith("\n");
        line = terminated ? line.substring(0, line.length() - 1) : line;
        line = line.length() > 300 ? line.substring(0, 300) + "..." : line;
        return "\"" + line.replace("\r", "\\r").replace("\t", "\\t") + "\"" + (terminated ? "" : " <no final newline>");
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
