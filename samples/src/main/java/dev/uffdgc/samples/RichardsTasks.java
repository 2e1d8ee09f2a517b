package dev.uffdgc.samples;

import static dev.uffdgc.samples.RichardsScheduler.DATA_SIZE;
import static dev.uffdgc.samples.RichardsScheduler.ID_DEVICE_A;
import static dev.uffdgc.samples.RichardsScheduler.ID_DEVICE_B;
import static dev.uffdgc.samples.RichardsScheduler.ID_HANDLER_A;
import static dev.uffdgc.samples.RichardsScheduler.ID_HANDLER_B;
import static dev.uffdgc.samples.RichardsScheduler.KIND_WORK;

import dev.uffdgc.samples.RichardsScheduler.Packet;
import dev.uffdgc.samples.RichardsScheduler.Task;
import dev.uffdgc.samples.RichardsScheduler.Tcb;

/** The four task kinds of the operating-system simulation benchmark. */
final class RichardsTasks {
    private RichardsTasks() {}

    /** Releases the two devices alternately, driven by a pseudo-random shift register, for count steps. */
    static final class IdleTask implements Task {
        private final RichardsScheduler scheduler;
        private int v1;
        private int count;

        IdleTask(RichardsScheduler scheduler, int v1, int count) {
            this.scheduler = scheduler;
            this.v1 = v1;
            this.count = count;
        }

        @Override
        public Tcb run(Packet packet) {
            if (--count == 0) {
                return scheduler.holdCurrent();
            }
            if ((v1 & 1) == 0) {
                v1 = v1 >> 1;
                return scheduler.release(ID_DEVICE_A);
            }
            v1 = (v1 >> 1) ^ 0xD008;
            return scheduler.release(ID_DEVICE_B);
        }
    }

    /** Holds one packet and hands it back on the next wake-up, like an I/O device finishing a transfer. */
    static final class DeviceTask implements Task {
        private final RichardsScheduler scheduler;
        private Packet pending;

        DeviceTask(RichardsScheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public Tcb run(Packet packet) {
            if (packet != null) {
                pending = packet;
                return scheduler.holdCurrent();
            }
            if (pending == null) {
                return scheduler.suspendCurrent();
            }
            Packet p = pending;
            pending = null;
            return scheduler.queue(p);
        }
    }

    /** Fills work packets with letters and sends them to the handlers in turn. */
    static final class WorkerTask implements Task {
        private final RichardsScheduler scheduler;
        private int destination;
        private int letter;

        WorkerTask(RichardsScheduler scheduler, int destination, int letter) {
            this.scheduler = scheduler;
            this.destination = destination;
            this.letter = letter;
        }

        @Override
        public Tcb run(Packet packet) {
            if (packet == null) {
                return scheduler.suspendCurrent();
            }
            destination = destination == ID_HANDLER_A ? ID_HANDLER_B : ID_HANDLER_A;
            packet.id = destination;
            packet.a1 = 0;
            for (int i = 0; i < DATA_SIZE; i++) {
                if (++letter > 26) {
                    letter = 1;
                }
                packet.a2[i] = letter;
            }
            return scheduler.queue(packet);
        }
    }

    /** Copies a work packet's data out one item per device packet, then returns the work packet. */
    static final class HandlerTask implements Task {
        private final RichardsScheduler scheduler;
        private Packet work;
        private Packet devices;

        HandlerTask(RichardsScheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public Tcb run(Packet packet) {
            if (packet != null) {
                if (packet.kind == KIND_WORK) {
                    work = packet.addTo(work);
                } else {
                    devices = packet.addTo(devices);
                }
            }
            if (work != null) {
                int count = work.a1;
                if (count < DATA_SIZE) {
                    if (devices != null) {
                        Packet v = devices;
                        devices = devices.link;
                        v.a1 = work.a2[count];
                        work.a1 = count + 1;
                        return scheduler.queue(v);
                    }
                } else {
                    Packet v = work;
                    work = work.link;
                    return scheduler.queue(v);
                }
            }
            return scheduler.suspendCurrent();
        }
    }
}
