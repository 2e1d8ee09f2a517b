package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_LENGTH_OFFSET;
import static java.lang.foreign.ValueLayout.JAVA_CHAR_UNALIGNED;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Guest strings (our guestlib java.lang.String: a char[] {@code value} and a cached {@code hash}) to and from
 * host strings, and the intern table (host string -> global handle, so the collector keeps them).
 */
public final class Strings {
    private final Vm vm;
    private final Map<String, Integer> interned = new ConcurrentHashMap<>();
    private VmClass stringClass;
    private VmClass charArray;
    private int valueOffset = -1;

    public Strings(Vm vm) {
        this.vm = vm;
    }

    private void link() {
        if (valueOffset < 0) {
            stringClass = vm.classes.load("java/lang/String");
            charArray = vm.classes.load("[C");
            valueOffset = stringClass.findField("value").offset;
        }
    }

    public VmClass stringClass() {
        link();
        return stringClass;
    }

    /** A new guest String with the characters of {@code s}. May collect. */
    public int newString(VmThread t, String s) {
        link();
        int arr = newCharArray(t, s.toCharArray());
        int h = t.pushHandle(arr);
        int str = vm.alloc.instance(t, stringClass);
        vm.mem.putInt(ObjectLayout.offset(str) + valueOffset, t.handle(h));
        t.popHandles(h);
        return str;
    }

    public int newCharArray(VmThread t, char[] chars) {
        link();
        int arr = vm.alloc.array(t, charArray, chars.length);
        MemorySegment.copy(chars, 0, vm.mem.slice(ObjectLayout.offset(arr) + ARRAY_BASE_OFFSET, 2L * chars.length), JAVA_CHAR_UNALIGNED, 0,
                chars.length);
        return arr;
    }

    /** A new guest String[] holding copies of {@code values}. May collect. */
    public int newStringArray(VmThread t, String[] values) {
        int h = t.pushHandle(vm.alloc.array(t, vm.classes.load("[Ljava/lang/String;"), values.length));
        for (int i = 0; i < values.length; i++) {
            int s = values[i] == null ? 0 : newString(t, values[i]);
            vm.mem.putInt(ObjectLayout.offset(t.handle(h)) + ARRAY_BASE_OFFSET + 4L * i, s);
        }
        int arr = t.handle(h);
        t.popHandles(h);
        return arr;
    }

    /** The host copy of a guest String; null for null. */
    public String toHost(int ref) {
        if (ref == 0) {
            return null;
        }
        link();
        return new String(chars(vm.mem.getInt(ObjectLayout.offset(ref) + valueOffset)));
    }

    public char[] chars(int charArrayRef) {
        int len = vm.mem.getInt(ObjectLayout.offset(charArrayRef) + ARRAY_LENGTH_OFFSET);
        char[] out = new char[len];
        MemorySegment.copy(vm.mem.slice(ObjectLayout.offset(charArrayRef) + ARRAY_BASE_OFFSET, 2L * len), JAVA_CHAR_UNALIGNED, 0, out, 0, len);
        return out;
    }

    /** String.valueOf(obj) as a host string: "null", the string itself, or the guest toString(). May run guest code. */
    public String stringify(VmThread t, int ref) {
        if (ref == 0) {
            return "null";
        }
        link();
        VmClass c = vm.classOf(ref);
        if (c == stringClass) {
            return toHost(ref);
        }
        dev.uffdgc.toyvm.classfile.VmMethod m = c.selectVirtual("toString()Ljava/lang/String;");
        t.pushRef(ref);
        vm.interp.call(t, m);
        return toHost(t.popRef());
    }

    /** The global handle of the interned guest string equal to {@code s}. May collect. */
    public int internHandle(VmThread t, String s) {
        Integer h = interned.get(s);
        if (h == null) {
            // Allocate outside any lock (it may collect); if another thread interned s meanwhile, keep theirs.
            int str = newString(t, s);
            synchronized (interned) {
                h = interned.get(s);
                if (h == null) {
                    h = vm.globals.add(str);
                    interned.put(s, h);
                }
            }
        }
        return h;
    }

    public int intern(VmThread t, String s) {
        return vm.globals.get(internHandle(t, s));
    }
}
