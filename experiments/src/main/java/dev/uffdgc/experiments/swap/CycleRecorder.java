package dev.uffdgc.experiments.swap;

import dev.uffdgc.agent.compact.CompactorListener;
import dev.uffdgc.agent.compact.CycleStats;

/**
 * The concurrent modes' last finished cycle, for the measured cycle's page counts (how many large-array pages
 * slid unread, how many were built). Written by whichever thread finishes a cycle, read by the harness after
 * {@code UffdCollector.quiesce}.
 */
final class CycleRecorder implements CompactorListener {
    private volatile CycleStats last;
    private volatile int lastId = -1;

    @Override
    public void finished(int id, String cause, CycleStats stats) {
        last = stats;
        lastId = id;
    }

    int lastId() {
        return lastId;
    }

    CycleStats last() {
        return last;
    }
}
