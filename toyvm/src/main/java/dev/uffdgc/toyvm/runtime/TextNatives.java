package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_LENGTH_OFFSET;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.thread.VmThread;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.IllegalFormatException;

/** Output streams, String.format and the String natives that have no host twin. */
final class TextNatives {
    private TextNatives() {
    }

    static void register(Vm vm, Intrinsics r) {
        String ps = "java/io/PrintStream";
        r.add(ps, "writeString(ILjava/lang/String;)V", (t, b) -> stream(vm, (int) t.prims[b]).print(vm.strings.toHost(t.refs[b + 1])));
        r.add(ps, "writeBytes(I[BII)V", (t, b) -> {
            int arr = t.refs[b + 1];
            int off = (int) t.prims[b + 2];
            int len = (int) t.prims[b + 3];
            if (off < 0 || len < 0 || off + len > vm.mem.getInt(ObjectLayout.offset(arr) + ARRAY_LENGTH_OFFSET)) {
                throw vm.throwing.raise(t, "java/lang/IndexOutOfBoundsException", "offset " + off + ", length " + len);
            }
            stream(vm, (int) t.prims[b]).write(vm.mem.slice(ObjectLayout.offset(arr) + ARRAY_BASE_OFFSET + off, len).toArray(
                    java.lang.foreign.ValueLayout.JAVA_BYTE), 0, len);
        });
        String s = "java/lang/String";
        r.add(s, "intern()Ljava/lang/String;", (t, b) -> t.refs[b] = vm.strings.intern(t, vm.strings.toHost(t.refs[b])));
        r.add(s, "getBytes()[B", (t, b) -> t.refs[b] = byteArray(vm, t, vm.strings.toHost(t.refs[b]).getBytes(StandardCharsets.UTF_8)));
        r.add(s, "decodeUtf8([BII)[C", (t, b) -> {
            int arr = t.refs[b];
            byte[] bytes = vm.mem.slice(ObjectLayout.offset(arr) + ARRAY_BASE_OFFSET + t.prims[b + 1], (int) t.prims[b + 2])
                    .toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            t.refs[b] = vm.strings.newCharArray(t, new String(bytes, StandardCharsets.UTF_8).toCharArray());
        });
        r.add(s, "getBytes(Ljava/lang/String;)[B", (t, b) -> {
            String name = vm.strings.toHost(t.refs[b + 1]);
            java.nio.charset.Charset cs;
            try {
                cs = java.nio.charset.Charset.forName(name);
            } catch (IllegalArgumentException e) {
                throw vm.throwing.raise(t, "java/io/UnsupportedEncodingException", name);
            }
            t.refs[b] = byteArray(vm, t, vm.strings.toHost(t.refs[b]).getBytes(cs));
        });
        r.add(s, "decode([BIILjava/lang/String;)[C", (t, b) -> {
            String name = vm.strings.toHost(t.refs[b + 3]);
            java.nio.charset.Charset cs;
            try {
                cs = java.nio.charset.Charset.forName(name);
            } catch (IllegalArgumentException e) {
                throw vm.throwing.raise(t, "java/io/UnsupportedEncodingException", name);
            }
            byte[] bytes = vm.mem.slice(ObjectLayout.offset(t.refs[b]) + ARRAY_BASE_OFFSET + t.prims[b + 1], (int) t.prims[b + 2])
                    .toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            t.refs[b] = vm.strings.newCharArray(t, new String(bytes, cs).toCharArray());
        });
        r.add(s, "toLowerCase0(Ljava/lang/String;)Ljava/lang/String;", (t, b) -> t.refs[b] = vm.strings.newString(t,
                vm.strings.toHost(t.refs[b]).toLowerCase(java.util.Locale.forLanguageTag(vm.strings.toHost(t.refs[b + 1])))));
        r.add(s, "toUpperCase0(Ljava/lang/String;)Ljava/lang/String;", (t, b) -> t.refs[b] = vm.strings.newString(t,
                vm.strings.toHost(t.refs[b]).toUpperCase(java.util.Locale.forLanguageTag(vm.strings.toHost(t.refs[b + 1])))));
        r.add(s, "format(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;",
                (t, b) -> format(vm, t, b, java.util.Locale.getDefault(java.util.Locale.Category.FORMAT)));
        r.add(s, "format0(Ljava/lang/String;Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;", (t, b) -> {
            String tag = t.refs[b] == 0 ? null : vm.strings.toHost(t.refs[b]);
            t.refs[b] = t.refs[b + 1];
            t.refs[b + 1] = t.refs[b + 2];
            t.refs[b + 2] = 0;
            format(vm, t, b, tag == null ? null : java.util.Locale.forLanguageTag(tag));
        });
    }

    private static PrintStream stream(Vm vm, int fd) {
        if (fd == 2) {
            vm.out.flush();
            return vm.err;
        }
        return vm.out;
    }

    static int byteArray(Vm vm, VmThread t, byte[] bytes) {
        int arr = vm.alloc.array(t, vm.classes.load("[B"), bytes.length);
        vm.mem.slice(ObjectLayout.offset(arr) + ARRAY_BASE_OFFSET, bytes.length).copyFrom(java.lang.foreign.MemorySegment.ofArray(bytes));
        return arr;
    }

    private static void format(Vm vm, VmThread t, int b, java.util.Locale locale) {
        String fmt = vm.strings.toHost(t.refs[b]);
        int n = t.refs[b + 1] == 0 ? 0 : vm.mem.getInt(ObjectLayout.offset(t.refs[b + 1]) + ARRAY_LENGTH_OFFSET);
        Object[] args = new Object[n];
        for (int i = 0; i < n; i++) {
            int e = vm.mem.getInt(ObjectLayout.offset(t.refs[b + 1]) + ARRAY_BASE_OFFSET + 4L * i);
            args[i] = toHostValue(vm, t, e);
        }
        String result;
        try {
            result = String.format(locale, fmt, args);
        } catch (IllegalFormatException e) {
            throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", e.getMessage());
        }
        t.refs[b] = vm.strings.newString(t, result);
    }

    /** Boxes and strings become host values; any other object its guest toString(). */
    private static Object toHostValue(Vm vm, VmThread t, int ref) {
        if (ref == 0) {
            return null;
        }
        VmClass c = vm.classOf(ref);
        return switch (c.name) {
            case "java/lang/String" -> vm.strings.toHost(ref);
            case "java/lang/Integer" -> vm.mem.getInt(ObjectLayout.offset(ref) + c.findField("value").offset);
            case "java/lang/Long" -> vm.mem.getLong(ObjectLayout.offset(ref) + c.findField("value").offset);
            case "java/lang/Double" -> Double.longBitsToDouble(vm.mem.getLong(ObjectLayout.offset(ref) + c.findField("value").offset));
            case "java/lang/Float" -> Float.intBitsToFloat(vm.mem.getInt(ObjectLayout.offset(ref) + c.findField("value").offset));
            case "java/lang/Short" -> vm.mem.getShort(ObjectLayout.offset(ref) + c.findField("value").offset);
            case "java/lang/Byte" -> vm.mem.getByte(ObjectLayout.offset(ref) + c.findField("value").offset);
            case "java/lang/Character" -> vm.mem.getChar(ObjectLayout.offset(ref) + c.findField("value").offset);
            case "java/lang/Boolean" -> vm.mem.getByte(ObjectLayout.offset(ref) + c.findField("value").offset) != 0;
            // %d, %x, %f, %.3f of a BigInteger/BigDecimal: the host formats the same value (its toString round-trips)
            case "java/math/BigInteger" -> new java.math.BigInteger(vm.strings.stringify(t, ref));
            case "java/math/BigDecimal" -> new java.math.BigDecimal(vm.strings.stringify(t, ref));
            default -> vm.strings.stringify(t, ref);
        };
    }
}
