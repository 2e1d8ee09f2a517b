package dev.uffdgc.kernel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every Java row has its twin in floor.c, in the same order (the sequential schedule pairs them by name). */
class RowTwinsTest {
    @Test
    void javaRowsAndFloorRowsAreTheSame() throws Exception {
        String c = Files.readString(Path.of("src/bench/c/floor.c"));
        Matcher names = Pattern.compile("static const char \\*NAMES\\[ROWS\\] = \\{([^}]*)\\}").matcher(c);
        if (!names.find()) {
            throw new AssertionError("floor.c has no NAMES table");
        }
        List<String> floor = new ArrayList<>();
        Matcher q = Pattern.compile("\"([a-z0-9_]+)\"").matcher(names.group(1));
        while (q.find()) {
            floor.add(q.group(1));
        }
        BenchOptions o = BenchOptions.parse("--pages", "64", "--c-source", "src/bench/c/floor.c");
        // Constructing rows makes no kernel call; the uffd is used only when a row runs.
        // bench gc's floors (build_*, flip_register) run only when bench gc names them with --rows.
        floor.removeIf(n -> n.startsWith("build_") || n.startsWith("flip_"));
        List<String> java = KernelBench.rows(null, o).stream().map(Row::name).toList();
        if (Runtime.getRuntime().availableProcessors() < 2) {
            floor.removeIf(n -> n.endsWith("_busy") || n.equals("fault_cross_cpu"));
        }
        assertEquals(floor, java);
    }
}
