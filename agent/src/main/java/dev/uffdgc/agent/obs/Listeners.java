package dev.uffdgc.agent.obs;

import dev.uffdgc.agent.compact.CompactorListener;
import dev.uffdgc.agent.compact.CycleStats;
import java.util.List;

/** Several listeners as one. */
public record Listeners(List<CompactorListener> all) implements CompactorListener {
    public static CompactorListener of(CompactorListener... ls) {
        return new Listeners(List.of(ls));
    }

    @Override
    public void initMarked(int id, String cause, long pauseNanos, long timeToSafepointNanos) {
        all.forEach(l -> l.initMarked(id, cause, pauseNanos, timeToSafepointNanos));
    }

    @Override
    public void finalMarked(int id, String cause, long pauseNanos, long timeToSafepointNanos, long markNanos) {
        all.forEach(l -> l.finalMarked(id, cause, pauseNanos, timeToSafepointNanos, markNanos));
    }

    @Override
    public void paused(int id, String cause, CycleStats stats) {
        all.forEach(l -> l.paused(id, cause, stats));
    }

    @Override
    public void finished(int id, String cause, CycleStats stats) {
        all.forEach(l -> l.finished(id, cause, stats));
    }

    @Override
    public void stalled(int id, int page, long nanos, boolean userfault) {
        all.forEach(l -> l.stalled(id, page, nanos, userfault));
    }

    @Override
    public void note(String message) {
        all.forEach(l -> l.note(message));
    }
}
