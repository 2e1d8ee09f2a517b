package dev.uffdgc.agent.obs;

import dev.uffdgc.agent.compact.CompactorListener;
import dev.uffdgc.agent.compact.CycleStats;

/**
 * Emits the uffdgc.* JFR events. Times are measured by the compactor; the events are committed with explicit
 * start and end ticks so they line up with the cycle rather than with this call.
 */
public final class JfrListener implements CompactorListener {
    private final String backend;

    /**
     * Initialises the event classes here, when the agent starts: the first one's class initialisation registers
     * it with JFR (MetadataRepository, 20-35 ms here), and done by the guest thread that logs the first Init Mark
     * it kept that thread from the next safepoint: Final Mark of GC(0) waited 34 ms for it in bench pause's
     * 8 MiB / 2 threads runs (-Xsafepoint-timeout=10 showed the thread in EventControl.<clinit>).
     */
    public JfrListener(String backend) {
        this.backend = backend;
        for (Class<?> event : new Class<?>[] {UffdGcEvents.Cycle.class, UffdGcEvents.Pause.class,
                UffdGcEvents.Phase.class, UffdGcEvents.Fault.class}) {
            try {
                java.lang.invoke.MethodHandles.lookup().ensureInitialized(event);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("uffd-gc: cannot initialise JFR event " + event.getName(), e);
            }
        }
    }

    @Override
    public void initMarked(int id, String cause, long pauseNanos, long timeToSafepointNanos) {
        pause(id, cause, pauseNanos, timeToSafepointNanos, 0);
        phase(id, "Pause Init Mark", pauseNanos);
    }

    @Override
    public void finalMarked(int id, String cause, long pauseNanos, long timeToSafepointNanos, long markNanos) {
        phase(id, "Concurrent Mark", markNanos);
        pause(id, cause, pauseNanos, timeToSafepointNanos, 0);
        phase(id, "Pause Final Mark", pauseNanos);
    }

    @Override
    public void paused(int id, String cause, CycleStats s) {
        phase(id, "Concurrent Plan", s.planNanos);
        pause(id, cause, s.pauseNanos, s.timeToSafepointNanos, s.flipNanos);
        phase(id, "Pause Relocate Start", s.pauseNanos);
    }

    @Override
    public void finished(int id, String cause, CycleStats s) {
        phase(id, "Concurrent evacuation", s.concurrentNanos);
        UffdGcEvents.Cycle c = new UffdGcEvents.Cycle();
        if (c.isEnabled()) {
            c.gcId = id;
            c.cause = cause;
            c.backend = backend;
            c.usedBefore = s.usedBefore;
            c.usedAfter = s.usedAfter;
            c.live = s.liveBytes;
            c.pages = s.destPages;
            c.pagesMoved = s.pagesMoved.sum();
            c.pagesCopied = s.pagesCopied.sum();
            c.pagesInPlace = s.pagesInPlace.sum();
            c.faults = s.faults.sum();
            c.mutatorStall = s.mutatorStallNanos.sum();
            c.pmdBytes = s.pmdBytes();
            c.pteRunBytes = s.pteRunBytes();
            c.singlePageBytes = s.singlePageBytes();
            c.copiedBytes = s.copiedBytes();
            c.ioctls = s.ioctls.sum();
            c.moveIoctls = s.moveIoctls.sum();
            c.tlbShootdowns = s.tlbShootdowns;
            c.compactionCpu = s.compactionCpuNanos();
            c.runLengths = "MOVE " + s.moveRuns.histogram() + " COPY " + s.copyRuns.histogram();
            c.commit();
        }
    }

    private static void phase(int id, String name, long nanos) {
        UffdGcEvents.Phase p = new UffdGcEvents.Phase();
        if (p.isEnabled()) {
            p.gcId = id;
            p.name = name;
            p.took = nanos;
            p.commit();
        }
    }

    @Override
    public void stalled(int id, int page, long nanos, boolean userfault) {
        UffdGcEvents.Fault f = new UffdGcEvents.Fault();
        if (f.isEnabled()) {
            f.gcId = id;
            f.page = page;
            f.userfault = userfault;
            f.commit();
        }
    }

    @Override
    public void note(String message) {
    }

    /** One uffdgc.Pause event (flip 0 for the pauses that do not flip). */
    private static void pause(int id, String cause, long pauseNanos, long timeToSafepointNanos, long flipNanos) {
        UffdGcEvents.Pause p = new UffdGcEvents.Pause();
        if (p.isEnabled()) {
            p.gcId = id;
            p.cause = cause;
            p.pause = pauseNanos;
            p.timeToSafepoint = timeToSafepointNanos;
            p.flip = flipNanos;
            p.commit();
        }
    }
}
