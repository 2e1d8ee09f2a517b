package dev.uffdgc.samples;

import java.io.IOException;

/**
 * A long-running load that ends when its standard input does, as a server ends when told to: the main thread
 * keeps building and dropping trees around one long-lived tree while a second thread blocks reading
 * {@code System.in} (a guest thread in a host read must not hold up the collector's safepoints). Once the input
 * is at its end and at least {@code minRounds} rounds are done, it prints what it kept and the last round's
 * count, the same on every VM and however long it ran: the attach test runs it for as long as the attach and
 * two concurrent cycles take, whatever the speed of the machine or of toyvm's tiers.
 *
 * <p>Usage: {@code ChurnUntilEof [keptDepth] [minRounds]} (default 14 10).
 */
public final class ChurnUntilEof {
    private static final int ROUND_TREES = 8;
    private static final int ROUND_DEPTH = 12;
    private static volatile boolean endOfInput;

    static final class Node {
        final Node left;
        final Node right;

        Node(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        int count() {
            return left == null ? 1 : 1 + left.count() + right.count();
        }
    }

    private ChurnUntilEof() {
    }

    static Node tree(int depth) {
        return depth == 0 ? new Node(null, null) : new Node(tree(depth - 1), tree(depth - 1));
    }

    public static void main(String[] args) throws InterruptedException {
        int keptDepth = args.length > 0 ? Integer.parseInt(args[0]) : 14;
        int minRounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Thread reader = new Thread(ChurnUntilEof::drainInput, "stdin");
        reader.start();
        Node kept = tree(keptDepth);
        long rounds = 0;
        long last = 0;
        while (!endOfInput || rounds < minRounds) {
            last = 0;
            for (int i = 0; i < ROUND_TREES; i++) {
                last += tree(ROUND_DEPTH).count();
            }
            rounds++;
        }
        reader.join();
        System.out.println("kept tree of depth " + keptDepth + "\t check: " + kept.count());
        System.out.println(ROUND_TREES + " trees of depth " + ROUND_DEPTH + " per round\t check: " + last);
    }

    private static void drainInput() {
        try {
            while (System.in.read() >= 0) {
                // the content does not matter: only its end does
            }
        } catch (IOException e) {
            System.err.println("stdin: " + e.getMessage());
        }
        endOfInput = true;
    }
}
