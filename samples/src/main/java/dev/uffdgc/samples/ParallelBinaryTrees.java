package dev.uffdgc.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The binary-trees benchmark, parallel as in the benchmarks game's multi-threaded Java entries: one task per
 * depth runs on a fixed ExecutorService pool and builds and checks its short-lived trees, while the main thread
 * keeps a long-lived tree. Results are collected through Futures in submission order, so the output is the
 * sequential program's whatever the schedule.
 *
 * <p>Usage: {@code ParallelBinaryTrees [maxDepth] [threads]} (default 12 4).
 */
public final class ParallelBinaryTrees {
    private static final int MIN_DEPTH = 4;

    /** A node of a perfect tree; leaves have both children null. */
    static final class Node {
        final Node left;
        final Node right;

        Node(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        int check() {
            return left == null ? 1 : 1 + left.check() + right.check();
        }
    }

    static Node bottomUp(int depth) {
        return depth > 0 ? new Node(bottomUp(depth - 1), bottomUp(depth - 1)) : new Node(null, null);
    }

    /** One depth's line: builds 2^(maxDepth - depth + MIN_DEPTH) trees of that depth and sums their checks. */
    static String depthTask(int depth, int maxDepth) {
        int iterations = 1 << (maxDepth - depth + MIN_DEPTH);
        long check = 0;
        for (int i = 0; i < iterations; i++) {
            check += bottomUp(depth).check();
        }
        return iterations + "\t trees of depth " + depth + "\t check: " + check;
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        int maxDepth = Math.max(MIN_DEPTH + 2, args.length > 0 ? Integer.parseInt(args[0]) : 12);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int stretchDepth = maxDepth + 1;
        System.out.println("stretch tree of depth " + stretchDepth + "\t check: " + bottomUp(stretchDepth).check());

        Node longLived = bottomUp(maxDepth);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<String>> lines = new ArrayList<>();
        for (int depth = MIN_DEPTH; depth <= maxDepth; depth += 2) {
            final int d = depth;
            lines.add(pool.submit(() -> depthTask(d, maxDepth)));
        }
        for (Future<String> line : lines) {
            System.out.println(line.get());
        }
        pool.shutdown();
        System.out.println("pool terminated " + pool.awaitTermination(1, TimeUnit.MINUTES));
        System.out.println("long lived tree of depth " + maxDepth + "\t check: " + longLived.check());
    }
}
