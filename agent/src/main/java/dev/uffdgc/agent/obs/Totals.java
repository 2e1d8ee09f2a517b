package dev.uffdgc.agent.obs;

import dev.uffdgc.agent.compact.CompactorListener;
import dev.uffdgc.agent.compact.CycleStats;
import java.util.ArrayList;
import java.util.List;

/** Keeps every finished cycle's stats (for tests, the bench and the demo's table). */
public final class Totals implements CompactorListener {
    private final List<CycleStats> cycles = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    @Override
    public synchronized void finished(int id, String cause, CycleStats stats) {
        cycles.add(stats);
    }

    @Override
    public synchronized void note(String message) {
        notes.add(message);
    }

    public synchronized List<CycleStats> cycles() {
        return List.copyOf(cycles);
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    public synchronized long sum(java.util.function.ToLongFunction<CycleStats> f) {
        long s = 0;
        for (CycleStats c : cycles) {
            s += f.applyAsLong(c);
        }
        return s;
    }
}
