package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_LENGTH_OFFSET;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.thread.VmThread;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Output streams and the String natives that have no host twin. */
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
}
