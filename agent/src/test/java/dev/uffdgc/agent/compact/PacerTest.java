package dev.uffdgc.agent.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pacer's arithmetic: a cycle is due when the free bytes would last less than the expected time to the flip. */
class PacerTest {
    private static final long MS = 1_000_000;

    @Test
    void dueOnlyOnceACycleAndARateWereMeasured() {
        Pacer p = new Pacer();
        assertFalse(p.due(0), "no cycle measured: the first one starts when the heap is full");
        p.markToFlip(10 * MS);
        assertFalse(p.due(0), "no allocation rate yet");
        p.sample(1 * MS, 0);
        p.sample(1 * MS + Pacer.RATE_INTERVAL_NANOS / 2, 1 << 20); // too short: merged into the next sample
        assertFalse(p.due(0));
        p.sample(1 * MS + Pacer.RATE_INTERVAL_NANOS, 1 << 20); // 1 MiB in 2 ms: 512 MiB/s
        assertEquals(500, p.rateMBps(), 15);
        // First cycle 10 ms: expected 10 + 4 * 5 = 30 ms, at 1 MiB per 2 ms: 15 MiB of headroom
        assertEquals(30, p.expectedMillis(), 1e-9);
        assertTrue(p.due(15 * (1L << 20) - 1));
        assertFalse(p.due(15 * (1L << 20) + 1));
    }

    @Test
    void steadyCyclesNarrowTheMargin() {
        Pacer p = new Pacer();
        for (int i = 0; i < 40; i++) {
            p.markToFlip(10 * MS);
        }
        assertEquals(10, p.expectedMillis(), 0.01, "the deviation decays when every cycle takes the same time");
        p.markToFlip(30 * MS); // one slow cycle widens it at once
        assertTrue(p.expectedMillis() > 20, "expected " + p.expectedMillis());
    }
}
