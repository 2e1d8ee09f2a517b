package dev.uffdgc.agent.obs;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/** JFR events of the concurrent compactor: {@code jfr print --events 'uffdgc.*' recording.jfr}. */
public final class UffdGcEvents {
    private UffdGcEvents() {
    }

    @Name("uffdgc.Cycle")
    @Label("uffd-gc Cycle")
    @Category({"uffd-gc"})
    @Description("One compaction cycle, from the start of its pause to its finish")
    public static final class Cycle extends Event {
        @Label("GC Id") public int gcId;
        @Label("Cause") public String cause;
        @Label("Backend") public String backend;
        @Label("Heap Before") @DataAmount public long usedBefore;
        @Label("Heap After") @DataAmount public long usedAfter;
        @Label("Live") @DataAmount public long live;
        @Label("Pages") public long pages;
        @Label("Pages Moved") public long pagesMoved;
        @Label("Pages Copied") public long pagesCopied;
        @Label("Pages In Place") public long pagesInPlace;
        @Label("Faults") public long faults;
        @Label("Mutator Stall") @Timespan public long mutatorStall;
        @Label("PMD Bytes") @DataAmount public long pmdBytes;
        @Label("PTE Run Bytes") @Description("moved by MOVE ioctls of more than one page") @DataAmount public long pteRunBytes;
        @Label("Single Page Bytes") @Description("moved one page per MOVE ioctl") @DataAmount public long singlePageBytes;
        @Label("Copied Bytes") @DataAmount public long copiedBytes;
        @Label("Ioctls") public long ioctls;
        @Label("TLB-Flushing Ioctls") @Description("UFFDIO_MOVE calls: each ends in a TLB flush") public long moveIoctls;
        @Label("TLB Shootdowns") @Description("machine-wide, over the cycle (-1: not counted by this kernel)")
        public long tlbShootdowns;
        @Label("Compaction CPU") @Description("thread CPU time of plan, flip pause body, page building and mapping,"
                + " finish: the compaction's work, mark excluded") @Timespan public long compactionCpu;
        @Label("Run Lengths") @Description("MOVE and COPY ioctls by pages per ioctl, e.g. 'MOVE 1:3 512+:9 COPY none'")
        public String runLengths;
    }

    @Name("uffdgc.Pause")
    @Label("uffd-gc Pause")
    @Category({"uffd-gc"})
    @Description("The stop-the-world part of a cycle (committed after the resume): the whole pause from the safepoint"
            + " request to the resume, its time to safepoint, and the flip inside it")
    public static final class Pause extends Event {
        @Label("GC Id") public int gcId;
        @Label("Cause") public String cause;
        @Label("Pause") @Timespan public long pause;
        @Label("Time To Safepoint") @Timespan public long timeToSafepoint;
        @Label("Flip") @Timespan public long flip;
    }

    @Name("uffdgc.Phase")
    @Label("uffd-gc Phase")
    @Category({"uffd-gc"})
    public static final class Phase extends Event {
        @Label("GC Id") public int gcId;
        @Label("Name") public String name;
        @Label("Took") @Description("measured by the compactor (the event's own timestamps are its commit)")
        @Timespan public long took;
    }

    @Name("uffdgc.Fault")
    @Label("uffd-gc Fault")
    @Category({"uffd-gc"})
    @Description("A mutator waited for a page of the compaction window")
    public static final class Fault extends Event {
        @Label("GC Id") public int gcId;
        @Label("Page") public int page;
        @Label("Userfault") @Description("true: a userfaultfd fault; false: the page-state check") public boolean userfault;
    }
}
