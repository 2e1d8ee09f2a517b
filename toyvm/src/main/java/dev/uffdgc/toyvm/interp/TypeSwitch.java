package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.IntegerEntry;
import java.lang.classfile.constantpool.LoadableConstantEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.util.List;

/**
 * java.lang.runtime.SwitchBootstraps.typeSwitch/enumSwitch (pattern switches): given the selector and a restart
 * index, the index of the first label at or after it that matches; -1 for null; the label count if none.
 * Labels: a class (instanceof), a String (equals), an Integer (a boxed Integer/Character/Short/Byte of that
 * value), or, for enumSwitch, an enum constant's name.
 */
final class TypeSwitch implements CallSite {
    private final Vm vm;
    private final List<LoadableConstantEntry> labels;
    private final boolean enumSwitch;
    private Object[] resolved;

    TypeSwitch(Vm vm, List<LoadableConstantEntry> labels, boolean enumSwitch) {
        this.vm = vm;
        this.labels = labels;
        this.enumSwitch = enumSwitch;
    }

    private Object[] resolved(VmThread t) {
        if (resolved == null) {
            Object[] r = new Object[labels.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = switch (labels.get(i)) {
                    case ClassEntry c -> vm.resolveClass(t, c.asInternalName());
                    case StringEntry s -> s.stringValue();
                    case IntegerEntry n -> n.intValue();
                    default -> throw vm.throwing.raise(t, "java/lang/BootstrapMethodError",
                            "toyvm: unsupported switch label " + labels.get(i));
                };
            }
            resolved = r;
        }
        return resolved;
    }

    @Override
    public int invoke(VmThread t, int sp) {
        int base = sp - 2;
        int target = t.refs[base];
        int restart = (int) t.prims[base + 1];
        int result;
        if (target == 0) {
            result = -1;
        } else {
            Object[] r = resolved(t);
            result = r.length;
            for (int i = restart; i < r.length; i++) {
                if (matches(t, r[i], t.refs[base])) {
                    result = i;
                    break;
                }
            }
        }
        t.prims[base] = result;
        t.refs[base] = 0;
        return base + 1;
    }

    private boolean matches(VmThread t, Object label, int target) {
        VmClass c = vm.classOf(target);
        return switch (label) {
            case VmClass k -> c.isAssignableTo(k);
            case String s when enumSwitch -> c.findField("name") != null && s.equals(
                    vm.strings.toHost(vm.mem.getInt(ObjectLayout.offset(target) + vm.classes.load("java/lang/Enum").findField("name").offset)));
            case String s -> c == vm.strings.stringClass() && s.equals(vm.strings.toHost(target));
            case Integer n -> {
                char p = Adapt.primOfBox(c.name);
                if (p == 'I' || p == 'C' || p == 'S' || p == 'B') {
                    long addr = ObjectLayout.offset(target) + c.findField("value").offset;
                    int v = p == 'I' ? vm.mem.getInt(addr) : p == 'C' ? vm.mem.getChar(addr) : p == 'S' ? vm.mem.getShort(addr) : vm.mem.getByte(addr);
                    yield v == n;
                }
                yield false;
            }
            default -> false;
        };
    }
}
