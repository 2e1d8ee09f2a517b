package dev.uffdgc.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of samples/samples.txt: a fully qualified main class and its arguments, separated by spaces.
 * Blank lines and lines starting with '#' are comments.
 */
record SampleLine(int lineNumber, String mainClass, List<String> args) {

    /** The class name without its package: names the expected-output file. */
    String simpleName() {
        return mainClass.substring(mainClass.lastIndexOf('.') + 1);
    }

    /**
     * A multi-threaded sample: its name says so (samples/README.md: Thread, Parallel, Concurrent or Lru), and
     * the differential test runs it several times, since a race may show in one run only.
     */
    boolean threaded() {
        return simpleName().matches(".*(Thread|Parallel|Concurrent|Lru).*");
    }

    @Override
    public String toString() {
        return args.isEmpty() ? mainClass : mainClass + " " + String.join(" ", args);
    }

    static List<SampleLine> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample list " + file, e);
        }
        List<SampleLine> samples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            samples.add(new SampleLine(i + 1, words[0], List.of(words).subList(1, words.length)));
        }
        return samples;
    }
}
