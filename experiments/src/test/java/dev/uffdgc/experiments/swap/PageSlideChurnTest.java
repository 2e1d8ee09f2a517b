package dev.uffdgc.experiments.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.agent.slide.PageSlide;
import dev.uffdgc.agent.slide.SlideBackend;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.VmOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;

/**
 * Page-slide compaction as toyvm's only collector on Churn (arrays of six types, a tenth above a page, Object[]
 * arrays pointing at other arrays) in a heap small enough for many cycles, the heap verified around every one
 * (graph hash and structure), a cycle every 256 KiB allocated: same output as the built-in collector.
 */
@Timeout(300)
class PageSlideChurnTest {
    @ParameterizedTest
    @EnumSource(SlideBackend.class)
    void churnRunsIdenticallyUnderPageSlide(SlideBackend backend) {
        Support.needUffd();
        String builtIn = run(null, 4);
        String slid = run(backend, 4);
        assertEquals(builtIn, slid);
    }

    private static String run(SlideBackend backend, int heapMiB) {
        VmOptions o = new VmOptions();
        o.heapBytes = (long) heapMiB << 20;
        o.classPath = Support.guestClasses().toString();
        o.verifyGc = true;
        o.gcStressBytes = 256 << 10; // GC-stress: a cycle every 256 KiB of allocation
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Vm vm = new Vm(o, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        PageSlide slide = backend == null ? null : new PageSlide(vm.binding, backend);
        if (slide != null) {
            vm.binding.installCollector(slide);
        }
        try {
            assertEquals(0, vm.runMain("dev.uffdgc.samples.Churn", new String[] {"256", "6000", "42"}));
        } finally {
            if (slide != null) {
                slide.close();
            }
        }
        if (slide != null) {
            assertTrue(slide.collections() >= 20, "only " + slide.collections() + " page-slide cycles");
            assertTrue(slide.lastStats() != null);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
