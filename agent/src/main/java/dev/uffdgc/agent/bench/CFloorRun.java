package dev.uffdgc.agent.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The C floor of the kernel bench (kernel/src/bench/c/floor.c), compiled with gcc on the spot and run in batch
 * mode for the rows named: the kernel work the compactor does, as medians. Values by row name, e.g.
 * "build_move_16" in ns/page (copy a page of live data, MOVE 16 pages per ioctl), "flip_register" in ns per flip
 * (mremap DONTUNMAP + UFFDIO_REGISTER of {@code --flip-pages} pages).
 */
final class CFloorRun {
    private CFloorRun() {
    }

    static Map<String, Double> run(Path source, String rowNames, String... extra) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("uffdgc-floor");
        Path bin = dir.resolve("floor");
        try {
            exec(List.of("gcc", "-O2", "-pthread", "-o", bin.toString(), source.toString()));
            List<String> cmd = new java.util.ArrayList<>(List.of(bin.toString(), "--rows", rowNames, "--rounds", "5",
                    "--warmup", "1"));
            cmd.addAll(List.of(extra));
            String out = exec(cmd);
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
