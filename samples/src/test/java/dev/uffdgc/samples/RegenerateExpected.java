package dev.uffdgc.samples;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rewrites src/test/resources/expected/*.out from HotSpot runs of samples.txt, after an intended change to a
 * sample's output. Refuses to write the output of a run that fails or is not reproducible. Run after
 * {@code ./mvnw -q test-compile} as
 * {@code java -cp samples/target/classes:samples/target/test-classes dev.uffdgc.samples.RegenerateExpected}.
 */
public final class RegenerateExpected {
    private RegenerateExpected() {}

    public static void main(String[] args) throws Exception {
        for (SampleLine sample : SampleLine.parse(SampleRunner.samplesFile())) {
            SampleRunner.Result a = SampleRunner.run(sample);
            SampleRunner.Result b = SampleRunner.run(sample);
            if (a.exitCode() != 0 || b.exitCode() != 0 || !a.stdout().equals(b.stdout())) {
                throw new IllegalStateException(sample + ": failing or nondeterministic, not written\n" + a.stderr());
            }
            Path file = SampleRunner.expectedFile(sample);
            Files.createDirectories(file.getParent());
            Files.writeString(file, a.stdout());
            System.out.println("wrote " + file + " (" + a.stdout().lines().count() + " lines)");
        }
    }
}
