package dev.uffdgc.experiments.swap;

import dev.uffdgc.agent.slide.PageSlide;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.VmOptions;
import dev.uffdgc.toyvm.seam.Collector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One mode of the swap experiment on the workload, in this JVM: what the driver runs in a fresh child JVM per
 * mode (so RSS, swap use and fault counts belong to that mode alone), and what the test calls in process.
 *
 * <p>{@code SwapRun --mode M --scenario swapped|resident --heap BYTES --cold F --garbage F --guest-cp DIR
 * --result FILE [--no-verify]}
 */
public final class SwapRun {
    private SwapRun() {
    }

    /** Runs {@code mode} on the workload; never throws for a mode that cannot run here (status "skipped"). */
    public static RunResult run(Mode mode, String scenario, long heapBytes, double cold, double garbage,
                                Path guestClasses, boolean verify, PrintStream progress) {
        Workload w = Workload.forHeap(heapBytes, cold, garbage);
        VmOptions o = new VmOptions();
        o.heapBytes = heapBytes;
        o.classPath = guestClasses.toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream guestOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        Vm vm = new Vm(o, guestOut, progress);
        RunResult result = new RunResult().put("mode", mode.label).put("scenario", scenario)
                .put("heapBytes", heapBytes).put("arrays", w.arrays()).put("hotPerArray", w.hotPerArray());
        Collector inner;
        CycleRecorder cycles = new CycleRecorder();
        try {
            inner = mode.create(vm.binding, cycles);
        } catch (UnsupportedOperationException e) {
            return RunResult.failed(mode, scenario, e.getMessage());
        }
        MeasuredCycle measured = new MeasuredCycle(vm.binding, inner, cycles, scenario.equals("swapped"), verify, progress,
                result);
        vm.binding.installCollector(measured);
        progress.printf("  %s/%s: %d arrays of ~%d KiB, %d hot nodes each, %d%% garbage%n", mode.label, scenario,
                w.arrays(), w.arrayLongs() * 8L >> 10, w.hotPerArray(), w.garbagePercent());
        int status;
        try {
            status = vm.runMain(Workload.MAIN_CLASS, w.args());
        } finally {
            if (inner instanceof PageSlide slide) {
                slide.close();
            }
        }
        String printed = out.toString(StandardCharsets.UTF_8).strip();
        result.put("guestOutput", printed).put("guestStatus", status);
        if (status != 0 || !measured.measured()) {
            return result.put("status", "failed").put("reason", "guest exited " + status
                    + (measured.measured() ? "" : " before the measured collection") + ": " + printed);
        }
        if ("false".equals(result.get("graphIntact"))) {
            return result.put("status", "failed").put("reason", "the graph hash changed across the cycle");
        }
        return result.put("status", "ok");
    }

    public static void main(String[] args) {
        Mode mode = null;
        String scenario = "swapped";
        long heap = 256L << 20;
        double cold = 0.75;
        double garbage = 0.25;
        Path guest = null;
        Path resultFile = null;
        boolean verify = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mode" -> mode = Mode.parse(args[++i]);
                case "--scenario" -> scenario = args[++i];
                case "--heap" -> heap = Long.parseLong(args[++i]);
                case "--cold" -> cold = Double.parseDouble(args[++i]);
                case "--garbage" -> garbage = Double.parseDouble(args[++i]);
                case "--guest-cp" -> guest = Path.of(args[++i]);
                case "--result" -> resultFile = Path.of(args[++i]);
                case "--no-verify" -> verify = false;
                default -> throw new IllegalArgumentException("SwapRun: unknown argument " + args[i]);
            }
        }
        if (mode == null || guest == null || resultFile == null) {
            throw new IllegalArgumentException("SwapRun needs --mode, --guest-cp and --result");
        }
        RunResult r;
        try {
            r = run(mode, scenario, heap, cold, garbage, guest, verify, System.err);
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            r = RunResult.failed(mode, scenario, e.toString()).put("status", "failed");
        }
        r.write(resultFile);
        System.exit(r.ok() || "skipped".equals(r.get("status")) ? 0 : 1);
    }
}
