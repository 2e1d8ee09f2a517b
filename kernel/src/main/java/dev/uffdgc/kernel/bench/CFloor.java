package dev.uffdgc.kernel.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The C floor: floor.c compiled with gcc on the spot and run as a child process. Either one batch run that prints
 * a median per row, or a served process that runs one row per request so Java and C rounds can interleave.
 */
final class CFloor implements AutoCloseable {
    /** One line of floor's output: {@code row|sample <name> <value> <unit>}. */
    record Line(String kind, String name, double value, String unit) {
    }

    private final Process process;
    private final PrintWriter requests;
    private final BufferedReader replies;

    private CFloor(Process process) {
        this.process = process;
        this.requests = new PrintWriter(process.getOutputStream(), true, StandardCharsets.US_ASCII);
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    }

    /** Compiles {@code source} with {@code gcc -O2 -pthread} into {@code dir}; returns the binary. */
    static Path compile(Path source, Path dir) {
        Path binary = dir.resolve("floor");
        List<String> cmd = List.of("gcc", "-O2", "-pthread", "-o", binary.toString(), source.toString());
        Process gcc;
        try {
            gcc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new BenchException("cannot run gcc (" + e.getMessage() + "): the C floor is compiled on the spot;"
                    + " install gcc (Debian: apt-get install gcc) or put it on the PATH", e);
        }
        String output = drain(gcc);
        if (waitFor(gcc) != 0) {
            throw new BenchException("gcc failed to compile " + source + ":\n" + output);
        }
        return binary;
    }

    /** Runs all rows {@code rounds} times after {@code warmup} rounds, in one process; returns the median lines. */
    static List<Line> runBatch(Path binary, int pages, int faults, int rounds, int warmup) {
        Process p = start(binary, pages, faults, warmup, "--rounds", Integer.toString(rounds));
        String out = drain(p);
        int rc = waitFor(p);
        if (rc != 0) {
            throw new BenchException("the C floor exited with " + rc + ":\n" + out);
        }
        List<Line> lines = new ArrayList<>();
        for (String s : out.split("\n")) {
            if (!s.isBlank()) {
                lines.add(parse(s));
            }
        }
        return lines;
    }

    /** Starts the floor in serve mode; it runs {@code warmup} rounds of every row first. */
    static CFloor serve(Path binary, int pages, int faults, int warmup) {
        return new CFloor(start(binary, pages, faults, warmup, "--serve"));
    }

    /** Runs one round of one row in the served floor; returns its value. */
    double run(String row) {
        requests.println(row);
        String reply;
        try {
            reply = replies.readLine();
        } catch (IOException e) {
            throw new BenchException("reading the C floor's reply for " + row + " failed", e);
        }
        if (reply == null) {
            throw new BenchException("the C floor exited while running " + row + " (its stderr is above)");
        }
        Line line = parse(reply);
        if (!line.kind().equals("sample") || !line.name().equals(row)) {
            throw new BenchException("asked the C floor for " + row + ", got: " + reply);
        }
        return line.value();
    }

    /** Parses one output line of floor.c. */
    static Line parse(String s) {
        String[] f = s.trim().split("\\s+");
        if (f.length != 4 || !(f[0].equals("row") || f[0].equals("sample"))) {
            throw new BenchException("unexpected line from the C floor (want 'row|sample <name> <value> <unit>'): "
                    + s);
        }
        try {
            return new Line(f[0], f[1], Double.parseDouble(f[2]), f[3]);
        } catch (NumberFormatException e) {
            throw new BenchException("unexpected value '" + f[2] + "' in C floor line: " + s, e);
        }
    }

    @Override
    public void close() {
        requests.close();
        if (waitFor(process) != 0) {
            throw new BenchException("the C floor exited with " + process.exitValue() + " (its stderr is above)");
        }
    }

    private static Process start(Path binary, int pages, int faults, int warmup, String... more) {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--pages", Integer.toString(pages),
                "--faults", Integer.toString(faults), "--warmup", Integer.toString(warmup)));
        cmd.addAll(List.of(more));
        try {
            // stderr goes straight to ours, so the floor's own error messages reach the user.
            return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new BenchException("cannot start the C floor " + binary + ": " + e.getMessage(), e);
        }
    }

    private static String drain(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BenchException("reading output of " + p.info().command().orElse("a child process") + " failed",
                    e);
        }
    }

    private static int waitFor(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new BenchException("interrupted while waiting for " + p.info().command().orElse("a child process"), e);
        }
    }
}
