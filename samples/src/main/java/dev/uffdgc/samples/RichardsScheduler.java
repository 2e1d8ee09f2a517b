package dev.uffdgc.samples;

import java.util.function.Supplier;

/**
 * The scheduler of the operating-system simulation benchmark: a priority-ordered task list and the operations tasks call, with what
 * the tasks and the driver share (task ids, packets, the task interface), so that no file of the sample needs
 * one that needs it back.
 */
final class RichardsScheduler {
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

    /** Called by the scheduler each time it runs a task. */
    interface Tracer {
        void trace(int id, int queueCount, int holdCount);
    }

    /** A task body: given the packet it was woken with (or null), returns the task to run next. */
    interface Task {
        Tcb run(Packet packet);
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

    int queueCount;
    int holdCount;
    final int[] runs = new int[NUMBER_OF_IDS];
    private final Tcb[] blocks = new Tcb[NUMBER_OF_IDS];
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
