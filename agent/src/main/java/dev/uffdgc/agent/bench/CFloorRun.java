package dev.uffdgc.agent.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The C floor of the kernel bench (kernel/src/bench/c/floor.c), compiled with gcc on the spot and run once in
 * batch mode: the same ioctl sequences the compactor issues (MOVE and COPY in runs of 16 pages) and mremap
 * DONTUNMAP, as medians. Values by row name, e.g. "move_16" in ns/page, "mremap_dontunmap" in ns/GiB.
 */
final class CFloorRun {
    private CFloorRun() {
    }

    static Map<String, Double> run(Path source, int pages) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("uffdgc-floor");
        Path bin = dir.resolve("floor");
        try {
            exec(List.of("gcc", "-O2", "-pthread", "-o", bin.toString(), source.toString()));
            String out = exec(List.of(bin.toString(), "--pages", Integer.toString(pages), "--rounds", "5",
                    "--warmup", "1"));
            Map<String, Double> rows = new HashMap<>();
            for (String line : out.split("\n")) {
                String[] w = line.trim().split("\\s+");
                if (w.length >= 3 && w[0].equals("row")) {
                    rows.put(w[1], Double.parseDouble(w[2]));
                }
            }
            return rows;
        } finally {
            Files.deleteIfExists(bin);
            Files.deleteIfExists(dir);
        }
    }

    private static String exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed:\n" + out);
        }
        return out;
    }
}
