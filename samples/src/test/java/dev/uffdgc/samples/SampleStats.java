package dev.uffdgc.samples;

import java.util.List;

/**
 * A measurement program, not a test: runs every samples.txt line on HotSpot under {@link SampleProbe} and
 * prints its time, allocation and collection count, e.g. to size the lines of samples.txt. Run after
 * {@code ./mvnw -q test-compile} as
 * {@code java -cp samples/target/classes:samples/target/test-classes dev.uffdgc.samples.SampleStats [-Xmx8m]}.
 */
public final class SampleStats {
    private SampleStats() {}

    public static void main(String[] args) throws Exception {
        List<String> jvmOptions = List.of(args);
        String classPath = SampleRunner.classesDir() + java.io.File.pathSeparator
                + SampleRunner.moduleDir().resolve("target/test-classes");
        System.out.printf("%-40s %s%n", "sample (" + String.join(" ", jvmOptions) + ")", "cost on HotSpot");
        for (SampleLine sample : SampleLine.parse(SampleRunner.samplesFile())) {
            SampleLine probed = new SampleLine(sample.lineNumber(), SampleProbe.class.getName(),
                    prepend(sample.mainClass(), sample.args()));
            long start = System.nanoTime();
            SampleRunner.Result r = SampleRunner.run(SampleRunner.command(jvmOptions, classPath, probed));
            long wallMs = (System.nanoTime() - start) / 1_000_000;
            String probe = r.stderr().lines().filter(l -> l.startsWith("probe ")).findFirst().orElse(r.stderr());
            System.out.printf("%-40s exit=%d process=%dms %s%n", sample, r.exitCode(), wallMs, probe);
        }
    }

    private static List<String> prepend(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
