package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.thread.VmThread;

/** java.lang.Class objects: one per VmClass, created on first use, held by a global handle. */
public final class Mirrors {
    private final Vm vm;
    private VmClass classClass;
    private int idOffset = -1;

    public Mirrors(Vm vm) {
        this.vm = vm;
    }

    private void link() {
        if (idOffset < 0) {
            classClass = vm.classes.load("java/lang/Class");
            idOffset = classClass.findField("vmClassId").offset;
        }
    }

    public int mirrorHandle(VmThread t, VmClass c) {
        if (c.mirrorHandle < 0) {
            link();
            int m = vm.alloc.instance(t, classClass);
            vm.mem.putInt(ObjectLayout.offset(m) + idOffset, c.id);
            synchronized (this) {
                // One mirror per class even when threads race: the loser's object becomes garbage.
                if (c.mirrorHandle < 0) {
                    c.mirrorHandle = vm.globals.add(m);
                }
            }
        }
        return c.mirrorHandle;
    }

    public int mirror(VmThread t, VmClass c) {
        return vm.globals.get(mirrorHandle(t, c));
    }

    public VmClass classOfMirror(int mirror) {
        link();
        return vm.classes.table()[vm.mem.getInt(ObjectLayout.offset(mirror) + idOffset)];
    }
}
