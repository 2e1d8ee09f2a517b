package dev.uffdgc.samples;

/**
 * A tour of the language features a JVM must get exactly right: enums, records, nested classes, interfaces
 * with default and static methods, lambdas and method references, exceptions, boxing, arrays and casts,
 * string switch and the edges of int/long/float/double arithmetic. Each section appends lines to a log; the
 * whole tour runs {@code rounds} times and every round must produce the same text as the first (the log is
 * what is printed), so the repeated rounds turn it into an allocation workload that checks itself.
 *
 * <p>Usage: {@code Showcase [rounds]} (default 200).
 */
public final class Showcase {
    private static StringBuilder log = new StringBuilder();

    private Showcase() {}

    /** Appends one line of output to the current round's log. */
    static void say(String line) {
        log.append(line).append('\n');
    }

    /** Runs every repeatable section once and returns what they said. */
    static String tour() {
        log = new StringBuilder();
        ShowcaseClasses.run();
        ShowcaseLambdas.run();
        ShowcaseFlow.run();
        ShowcaseArrays.run();
        ShowcaseNumbers.run();
        return log.toString();
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        // Class initialisation happens once per run, so its section cannot be repeated.
        ShowcaseInit.run();
        System.out.print(log);

        String first = tour();
        System.out.print(first);
        for (int r = 1; r < rounds; r++) {
            String again = tour();
            if (!again.equals(first)) {
                throw new IllegalStateException("round " + r + " said something different from round 0");
            }
        }
        System.out.println("rounds " + rounds + ", lines per round " + first.split("\n").length
                + String.format(", hash %x", first.hashCode()));
    }
}
