package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmField;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.LoadableConstantEntry;
import java.lang.classfile.constantpool.MethodHandleEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.util.List;

/**
 * java.lang.runtime.ObjectMethods for records, with the JDK's results: toString is
 * {@code Name[a=1, b=x]}, hashCode folds {@code 31 * h + hash(component)} from 0, equals compares the class
 * and each component (floating point by {@code compare == 0}, references by equals()).
 */
final class RecordMethods implements CallSite {
    private final Vm vm;
    private final String method;
    private final String recordName;
    private final String[] names;
    private final List<LoadableConstantEntry> args;
    private VmField[] fields;

    RecordMethods(Vm vm, String method, List<LoadableConstantEntry> args) {
        this.vm = vm;
        this.method = method;
        this.recordName = ((ClassEntry) args.get(0)).asInternalName();
        String joined = ((StringEntry) args.get(1)).stringValue();
        this.names = joined.isEmpty() ? new String[0] : joined.split(";");
        this.args = args;
    }

    private VmField[] fields(VmThread t) {
        if (fields == null) {
            VmClass rc = vm.resolveClass(t, recordName);
            VmField[] f = new VmField[args.size() - 2];
            for (int i = 0; i < f.length; i++) {
                MethodHandleEntry getter = (MethodHandleEntry) args.get(i + 2);
                f[i] = rc.findField(getter.reference().nameAndType().name().stringValue());
            }
            fields = f;
        }
        return fields;
    }

    @Override
    public int invoke(VmThread t, int sp) {
        VmField[] f = fields(t);
        return switch (method) {
            case "toString" -> toStringOf(t, sp - 1, f);
            case "hashCode" -> hashCodeOf(t, sp - 1, f);
            case "equals" -> equalsOf(t, sp - 2, f);
            default -> throw vm.throwing.raise(t, "java/lang/BootstrapMethodError", "toyvm: ObjectMethods." + method);
        };
    }

    private int self(VmThread t, int slot) {
        int r = t.refs[slot];
        if (r == 0) {
            throw vm.throwing.raise(t, "java/lang/NullPointerException", null);
        }
        return r;
    }

    private int toStringOf(VmThread t, int base, VmField[] f) {
        VmClass rc = vm.classOf(self(t, base));
        StringBuilder sb = new StringBuilder(dev.uffdgc.toyvm.runtime.Names.simpleName(rc)).append('[');
        for (int i = 0; i < f.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(names[i]).append('=');
            long addr = ObjectLayout.offset(t.refs[base]) + f[i].offset;
            switch (f[i].type()) {
                case 'I', 'B', 'S' -> sb.append(f[i].size() == 4 ? vm.mem.getInt(addr) : f[i].size() == 2 ? vm.mem.getShort(addr) : vm.mem.getByte(addr));
                case 'J' -> sb.append(vm.mem.getLong(addr));
                case 'C' -> sb.append(vm.mem.getChar(addr));
                case 'Z' -> sb.append(vm.mem.getByte(addr) != 0);
                case 'F' -> sb.append(Float.intBitsToFloat(vm.mem.getInt(addr)));
                case 'D' -> sb.append(Double.longBitsToDouble(vm.mem.getLong(addr)));
                default -> sb.append(vm.strings.stringify(t, vm.mem.getInt(addr)));
            }
        }
        sb.append(']');
        t.refs[base] = vm.strings.newString(t, sb.toString());
        return base + 1;
    }

    private int hashCodeOf(VmThread t, int base, VmField[] f) {
        self(t, base);
        int h = 0;
        for (VmField field : f) {
            long addr = ObjectLayout.offset(t.refs[base]) + field.offset;
            int c = switch (field.type()) {
                case 'I' -> vm.mem.getInt(addr);
                case 'S' -> vm.mem.getShort(addr);
                case 'B' -> vm.mem.getByte(addr);
                case 'C' -> vm.mem.getChar(addr);
                case 'Z' -> Boolean.hashCode(vm.mem.getByte(addr) != 0);
                case 'J' -> Long.hashCode(vm.mem.getLong(addr));
                case 'F' -> Float.hashCode(Float.intBitsToFloat(vm.mem.getInt(addr)));
                case 'D' -> Double.hashCode(Double.longBitsToDouble(vm.mem.getLong(addr)));
                default -> guestHash(t, vm.mem.getInt(addr));
            };
            h = 31 * h + c;
        }
        t.prims[base] = h;
        t.refs[base] = 0;
        return base + 1;
    }

    private int guestHash(VmThread t, int ref) {
        if (ref == 0) {
            return 0;
        }
        VmMethod m = vm.classOf(ref).selectVirtual("hashCode()I");
        t.pushRef(ref);
        vm.interp.call(t, m);
        return t.popInt();
    }

    private int equalsOf(VmThread t, int base, VmField[] f) {
        int a = self(t, base);
        int b = t.refs[base + 1];
        boolean eq = b != 0 && vm.classOf(a) == vm.classOf(b);
        for (int i = 0; eq && i < f.length; i++) {
            long ax = ObjectLayout.offset(t.refs[base]) + f[i].offset;
            long bx = ObjectLayout.offset(t.refs[base + 1]) + f[i].offset;
            eq = switch (f[i].type()) {
                case 'J' -> vm.mem.getLong(ax) == vm.mem.getLong(bx);
                case 'D' -> Double.compare(Double.longBitsToDouble(vm.mem.getLong(ax)), Double.longBitsToDouble(vm.mem.getLong(bx))) == 0;
                case 'F' -> Float.compare(Float.intBitsToFloat(vm.mem.getInt(ax)), Float.intBitsToFloat(vm.mem.getInt(bx))) == 0;
                case 'I' -> vm.mem.getInt(ax) == vm.mem.getInt(bx);
                case 'C', 'S' -> vm.mem.getShort(ax) == vm.mem.getShort(bx);
                case 'B', 'Z' -> vm.mem.getByte(ax) == vm.mem.getByte(bx);
                default -> guestEquals(t, vm.mem.getInt(ax), vm.mem.getInt(bx));
            };
        }
        t.prims[base] = eq ? 1 : 0;
        t.refs[base] = 0;
        return base + 1;
    }

    private boolean guestEquals(VmThread t, int x, int y) {
        if (x == y) {
            return true;
        }
        if (x == 0) {
            return false;
        }
        VmMethod m = vm.classOf(x).selectVirtual("equals(Ljava/lang/Object;)Z");
        t.pushRef(x);
        t.pushRef(y);
        vm.interp.call(t, m);
        return t.popInt() != 0;
    }
}
