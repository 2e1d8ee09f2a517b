package dev.uffdgc.samples;

import java.util.function.IntConsumer;
import java.util.function.Supplier;

import dev.uffdgc.samples.RichardsTasks.DeviceTask;
import dev.uffdgc.samples.RichardsTasks.HandlerTask;
import dev.uffdgc.samples.RichardsTasks.IdleTask;
import dev.uffdgc.samples.RichardsTasks.WorkerTask;

/**
 * Martin Richards' operating-system simulation benchmark (after the Octane version): an idle task, a worker,
 * two handlers and two devices pass packets through a priority scheduler. Tasks are reached through an
 * interface, the task factories and the tracer are lambdas. Every iteration builds a fresh scheduler and
 * records a trace of which task ran, so the trace strings give the run its allocation. Each iteration must
 * reproduce the reference counts (queue 2322, hold 928 for 1000 idle steps); a mismatch exits with an error.
 *
 * <p>Usage: {@code Richards [iterations] [idleSteps]} (defaults 100, 1000).
 */
public final class Richards {
    static final int ID_IDLE = 0;
    static final int ID_WORKER = 1;
    static final int ID_HANDLER_A = 2;
    static final int ID_HANDLER_B = 3;
    static final int ID_DEVICE_A = 4;
    static final int ID_DEVICE_B = 5;
    static final int NUMBER_OF_IDS = 6;
    static final int KIND_DEVICE = 0;
    static final int KIND_WORK = 1;
    static final int DATA_SIZE = 4;

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int idleSteps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int traceHash = 0;
        long traceChars = 0;
        long lines = 0;
        RichardsScheduler last = null;
        for (int i = 0; i < iterations; i++) {
            StringBuilder trace = new StringBuilder();
            int[] column = {0};
            // A capturing lambda: it writes the trace in lines of 50, like the original's tracing mode.
            IntConsumer tracer = id -> {
                trace.append((char) ('0' + id));
                if (++column[0] == 50) {
                    trace.append('\n');
                    column[0] = 0;
                }
            };
            last = runOnce(idleSteps, tracer);
            String text = trace.toString();
            traceChars += text.length();
            for (String line : text.split("\n")) {
                traceHash = 31 * traceHash + line.hashCode();
                lines++;
            }
        }
        if (last != null) {
            System.out.println("queueCount " + last.queueCount + ", holdCount " + last.holdCount);
            for (int id = 0; id < NUMBER_OF_IDS; id++) {
                System.out.println("task " + id + " ran " + last.runs[id] + " times");
            }
        }
        System.out.println("iterations " + iterations + ", trace chars " + traceChars + ", lines " + lines);
        System.out.println(String.format("trace hash %x", traceHash));
    }

    static RichardsScheduler runOnce(int idleSteps, IntConsumer tracer) {
        RichardsScheduler s = new RichardsScheduler(tracer);
        s.addRunningTask(ID_IDLE, 0, null, () -> new IdleTask(s, 1, idleSteps));

        Packet queue = new Packet(null, ID_WORKER, KIND_WORK);
        queue = new Packet(queue, ID_WORKER, KIND_WORK);
        s.addTask(ID_WORKER, 1000, queue, () -> new WorkerTask(s, ID_HANDLER_A, 0));

        s.addTask(ID_HANDLER_A, 2000, devicePackets(ID_DEVICE_A), () -> new HandlerTask(s));
        s.addTask(ID_HANDLER_B, 3000, devicePackets(ID_DEVICE_B), () -> new HandlerTask(s));

        Supplier<Task> device = () -> new DeviceTask(s);
        s.addTask(ID_DEVICE_A, 4000, null, device);
        s.addTask(ID_DEVICE_B, 5000, null, device);

        s.schedule();
        if (idleSteps == 1000 && (s.queueCount != 2322 || s.holdCount != 928)) {
            throw new IllegalStateException("wrong counts: queue " + s.queueCount + ", hold " + s.holdCount);
        }
        return s;
    }

    private static Packet devicePackets(int device) {
        Packet queue = null;
        for (int i = 0; i < 3; i++) {
            queue = new Packet(queue, device, KIND_DEVICE);
        }
        return queue;
    }

    /** A task body: given the packet it was woken with (or null), returns the task to run next. */
    interface Task {
        RichardsScheduler.Tcb run(Packet packet);
    }

    static final class Packet {
        Packet link;
        int id;
        final int kind;
        int a1;
        final int[] a2 = new int[DATA_SIZE];

        Packet(Packet link, int id, int kind) {
            this.link = link;
            this.id = id;
            this.kind = kind;
        }

        /** Appends this packet to the end of queue and returns the queue's head. */
        Packet addTo(Packet queue) {
            link = null;
            if (queue == null) {
                return this;
            }
            Packet next = queue;
            while (next.link != null) {
                next = next.link;
            }
            next.link = this;
            return queue;
        }
    }
}
