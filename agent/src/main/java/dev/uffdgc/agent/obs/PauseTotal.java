package dev.uffdgc.agent.obs;

import dev.uffdgc.agent.compact.CompactorListener;
import dev.uffdgc.agent.compact.CycleStats;
import java.util.function.LongConsumer;

/**
 * Hands every pause of the compactor (Init Mark, Final Mark, Relocate Start) to toyvm's GC log, so the exit
 * summary's "total pause" counts them whatever the agent's own log goes to (before, it read 0.000ms under the
 * agent while the built-in collector's runs showed their sum).
 */
public final class PauseTotal implements CompactorListener {
    private final LongConsumer pauses;

    public PauseTotal(LongConsumer pauses) {
        this.pauses = pauses;
    }

    @Override
    public void initMarked(int id, String cause, long pauseNanos, long timeToSafepointNanos) {
        pauses.accept(pauseNanos);
    }

    @Override
    public void finalMarked(int id, String cause, long pauseNanos, long timeToSafepointNanos, long concurrentMarkNanos) {
        pauses.accept(pauseNanos);
    }

    @Override
    public void paused(int id, String cause, CycleStats stats) {
        pauses.accept(stats.pauseNanos);
    }
}
