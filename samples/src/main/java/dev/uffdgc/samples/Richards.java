package dev.uffdgc.samples;

import java.util.Arrays;
import java.util.function.Supplier;

import static dev.uffdgc.samples.RichardsScheduler.ID_DEVICE_A;
import static dev.uffdgc.samples.RichardsScheduler.ID_DEVICE_B;
import static dev.uffdgc.samples.RichardsScheduler.ID_HANDLER_A;
import static dev.uffdgc.samples.RichardsScheduler.ID_HANDLER_B;
import static dev.uffdgc.samples.RichardsScheduler.ID_IDLE;
import static dev.uffdgc.samples.RichardsScheduler.ID_WORKER;
import static dev.uffdgc.samples.RichardsScheduler.KIND_DEVICE;
import static dev.uffdgc.samples.RichardsScheduler.KIND_WORK;
import static dev.uffdgc.samples.RichardsScheduler.NUMBER_OF_IDS;

import dev.uffdgc.samples.RichardsScheduler.Packet;
import dev.uffdgc.samples.RichardsScheduler.Task;
import dev.uffdgc.samples.RichardsScheduler.Tracer;
import dev.uffdgc.samples.RichardsTasks.DeviceTask;
import dev.uffdgc.samples.RichardsTasks.HandlerTask;
import dev.uffdgc.samples.RichardsTasks.IdleTask;
import dev.uffdgc.samples.RichardsTasks.WorkerTask;

/**
 * Martin Richards' operating-system simulation benchmark (after the Octane version): an idle task, a worker,
 * two handlers and two devices pass packets through a priority scheduler. Tasks are reached through an
 * interface, the task factories and the tracer are lambdas. Every iteration builds a fresh scheduler and
 * records an event per scheduling decision; the event log and its trace text give the run its allocation.
 * Each iteration must reproduce the reference counts (queue 2322, hold 928 for 1000 idle steps); a mismatch
 * exits with an error. Files: RichardsScheduler (ids, packets, the task interface and the scheduler),
 * RichardsTasks (the four task kinds, on the scheduler), this one (the driver and its event log).
 *
 * <p>Usage: {@code Richards [iterations] [idleSteps]} (defaults 100, 1000).
 */
public final class Richards {
    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int idleSteps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int traceHash = 0;
        long eventHash = 0;
        long events = 0;
        long lines = 0;
        RichardsScheduler last = null;
        for (int i = 0; i < iterations; i++) {
            EventLog log = new EventLog();
            // A capturing lambda: records every scheduling decision with the counters at that moment.
            last = runOnce(idleSteps, (id, queued, held) -> log.add(new Event(id, queued, held)));
            events += log.size;
            for (int e = 0; e < log.size; e++) {
                Event ev = log.events[e];
                eventHash = eventHash * 1000003 + ev.task() * 31L * 31L + ev.queued() * 31L + ev.held();
            }
            for (String line : log.trace().split("\n")) {
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
        System.out.println("iterations " + iterations + ", events " + events + ", trace lines " + lines);
        System.out.println(String.format("trace hash %x, event hash %x", traceHash, eventHash));
    }

    record Event(int task, int queued, int held) {}

    /** The events of one iteration, in a growable array. */
    static final class EventLog {
        Event[] events = new Event[64];
        int size;

        void add(Event e) {
            if (size == events.length) {
                events = Arrays.copyOf(events, size * 2);
            }
            events[size++] = e;
        }

        /** The original benchmark's trace: one digit per task run, 50 to a line. */
        String trace() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < size; i++) {
                sb.append((char) ('0' + events[i].task()));
                if (i % 50 == 49) {
                    sb.append('\n');
                }
            }
            return sb.toString();
        }
    }

    static RichardsScheduler runOnce(int idleSteps, Tracer tracer) {
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
}
