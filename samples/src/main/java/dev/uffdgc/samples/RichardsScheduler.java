package dev.uffdgc.samples;

import java.util.function.Supplier;

import dev.uffdgc.samples.Richards.Packet;
import dev.uffdgc.samples.Richards.Task;
import dev.uffdgc.samples.Richards.Tracer;

/** The scheduler of the {@link Richards} sample: a priority-ordered task list and the operations tasks call. */
final class RichardsScheduler {
    int queueCount;
    int holdCount;
    final int[] runs = new int[Richards.NUMBER_OF_IDS];
    private final Tcb[] blocks = new Tcb[Richards.NUMBER_OF_IDS];
    private final Tracer tracer;
    private Tcb list;
    private Tcb current;
    private int currentId;

    RichardsScheduler(Tracer tracer) {
        this.tracer = tracer;
    }

    void addTask(int id, int priority, Packet queue, Supplier<Task> factory) {
        current = new Tcb(list, id, priority, queue, factory.get());
        list = current;
        blocks[id] = current;
    }

    void addRunningTask(int id, int priority, Packet queue, Supplier<Task> factory) {
        addTask(id, priority, queue, factory);
        current.state = Tcb.RUNNING;
    }

    void schedule() {
        current = list;
        while (current != null) {
            if (current.isHeldOrSuspended()) {
                current = current.link;
            } else {
                currentId = current.id;
                tracer.trace(currentId, queueCount, holdCount);
                runs[currentId]++;
                current = current.run();
            }
        }
    }

    /** Makes task id runnable; switches to it if it outranks the current task. */
    Tcb release(int id) {
        Tcb tcb = blocks[id];
        if (tcb == null) {
            return null;
        }
        tcb.state &= ~Tcb.HELD;
        return tcb.priority > current.priority ? tcb : current;
    }

    Tcb holdCurrent() {
        holdCount++;
        current.state |= Tcb.HELD;
        return current.link;
    }

    Tcb suspendCurrent() {
        current.state |= Tcb.SUSPENDED;
        return current;
    }

    /** Sends packet to the task it names, stamped with the sender's id. */
    Tcb queue(Packet packet) {
        Tcb target = blocks[packet.id];
        if (target == null) {
            return null;
        }
        queueCount++;
        packet.link = null;
        packet.id = currentId;
        return target.checkPriorityAdd(current, packet);
    }

    /** Task control block: a task, its packet queue and its state bits. */
    static final class Tcb {
        static final int RUNNING = 0;
        static final int RUNNABLE = 1;
        static final int SUSPENDED = 2;
        static final int HELD = 4;
        static final int SUSPENDED_RUNNABLE = SUSPENDED | RUNNABLE;

        final Tcb link;
        final int id;
        final int priority;
        final Task task;
        Packet queue;
        int state;

        Tcb(Tcb link, int id, int priority, Packet queue, Task task) {
            this.link = link;
            this.id = id;
            this.priority = priority;
            this.queue = queue;
            this.task = task;
            this.state = queue == null ? SUSPENDED : SUSPENDED_RUNNABLE;
        }

        boolean isHeldOrSuspended() {
            return (state & HELD) != 0 || state == SUSPENDED;
        }

        Tcb run() {
            Packet packet = null;
            if (state == SUSPENDED_RUNNABLE) {
                packet = queue;
                queue = packet.link;
                state = queue == null ? RUNNING : RUNNABLE;
            }
            return task.run(packet);
        }

        /** Queues packet here; returns this if it should preempt task, else task. */
        Tcb checkPriorityAdd(Tcb task, Packet packet) {
            if (queue == null) {
                queue = packet;
                state |= RUNNABLE;
                if (priority > task.priority) {
                    return this;
                }
            } else {
                queue = packet.addTo(queue);
            }
            return task;
        }
    }
}
