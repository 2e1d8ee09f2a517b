package dev.uffdgc.experiments.swap;

import dev.uffdgc.agent.AgentOptions;
import dev.uffdgc.agent.UffdCollector;
import dev.uffdgc.agent.compact.CompactorListener;
import dev.uffdgc.agent.slide.PageSlide;
import dev.uffdgc.agent.slide.SlideBackend;
import dev.uffdgc.toyvm.seam.Collector;
import dev.uffdgc.toyvm.gc.MarkCompact;
import dev.uffdgc.toyvm.seam.VmBinding;
import java.util.Locale;

/** The compaction modes the experiment compares, each on the same workload in a fresh JVM. */
public enum Mode {
    /** toyvm's built-in stop-the-world mark-compact: memmove of every object, memset of the freed tail. */
    STW("stw"),
    /** The agent's concurrent compactor, UFFDIO_COPY backend. */
    COPY("copy"),
    /** The agent's concurrent compactor, UFFDIO_MOVE backend. */
    MOVE("move"),
    /** Page-level slide compaction, arrays' pages moved with UFFDIO_MOVE. */
    SLIDE("move+page-slide"),
    /** Page-level slide compaction, arrays' pages copied with UFFDIO_COPY: what copying costs per page. */
    SLIDE_COPY("copy+page-slide");

    public final String label;

    Mode(String label) {
        this.label = label;
    }

    public static Mode parse(String s) {
        for (Mode m : values()) {
            if (m.label.equalsIgnoreCase(s) || m.name().equalsIgnoreCase(s.replace('-', '_').replace('+', '_'))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + s + "': expected one of stw, copy, move, move+page-slide, copy+page-slide");
    }

    /**
     * The collector for this mode. Throws {@link UnsupportedOperationException} (with the reason) for a mode
     * this build cannot run.
     */
    public Collector create(VmBinding vm) {
        return create(vm, CompactorListener.NONE);
    }

    /** As {@link #create(VmBinding)}; the concurrent modes report their cycles to {@code listener}. */
    public Collector create(VmBinding vm, CompactorListener listener) {
        return switch (this) {
            case STW -> new MarkCompact(vm);
            case SLIDE -> new PageSlide(vm, SlideBackend.MOVE);
            case SLIDE_COPY -> new PageSlide(vm, SlideBackend.COPY);
            case COPY, MOVE -> concurrent(vm, this == MOVE ? "move" : "copy", listener);
        };
    }

    /**
     * The agent's concurrent compactor, installed directly as toyvm's collector (what the java agent's Advice
     * does). It must really run the requested backend: a silent fallback would report stw figures as copy/move.
     */
    private static Collector concurrent(VmBinding vm, String backend, CompactorListener listener) {
        UffdCollector c = new UffdCollector(vm, AgentOptions.parse("mode=" + backend), listener, UffdCollector.REAL, null);
        if (!c.backend().equals(backend)) {
            throw new UnsupportedOperationException("the agent would run " + c.backend() + ", not " + backend
                    + ", on this kernel");
        }
        return c;
    }


    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}
