package dev.uffdgc.toyvm.runtime;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * java.util.zip's Deflater and Inflater (so GZIPOutputStream/GZIPInputStream, DeflaterOutputStream, ZipOutputStream
 * run): the JDK's own classes, with the natives libzip gives HotSpot written as its C does (Deflater.c,
 * Inflater.c: the same z_stream calls, the same packed results and exceptions) over the system's zlib, reached
 * through FFM as toyvm reaches libc. The JDK's libzip carries its own zlib with the symbols hidden, so the
 * system's libz.so.1 is what there is; without it the first Deflater or Inflater fails naming it. The byte arrays
 * are handed to zlib in place: HeapAccess.slice makes their pages safe under a collector's guard first, and no
 * collection can start a window while this thread runs (it is at no safepoint). The direct-buffer variants are not
 * supplied and fail naming themselves.
 */
final class ZlibNatives {
    // zlib.h
    private static final int Z_OK = 0;
    private static final int Z_STREAM_END = 1;
    private static final int Z_NEED_DICT = 2;
    private static final int Z_STREAM_ERROR = -2;
    private static final int Z_DATA_ERROR = -3;
    private static final int Z_MEM_ERROR = -4;
    private static final int Z_BUF_ERROR = -5;
    private static final int Z_DEFLATED = 8;
    private static final int Z_PARTIAL_FLUSH = 1;
    private static final int MAX_WBITS = 15;
    private static final int DEF_MEM_LEVEL = 8;
    // struct z_stream_s on LP64: next_in, avail_in, total_in, next_out, avail_out, total_out, msg, state, zalloc,
    // zfree, opaque, data_type, adler, reserved
    private static final long NEXT_IN = 0;
    private static final long AVAIL_IN = 8;
    private static final long NEXT_OUT = 24;
    private static final long AVAIL_OUT = 32;
    private static final long MSG = 48;
    private static final long ADLER = 96;
    private static final int Z_STREAM_SIZE = 112;

    private final Vm vm;
    /** Each live z_stream's memory, by address (the handle the JDK keeps), closed by end. */
    private final java.util.Map<Long, Arena> streams = new java.util.concurrent.ConcurrentHashMap<>();
    private Zlib zlib;

    private ZlibNatives(Vm vm) {
        this.vm = vm;
    }

    /** The downcalls, bound at the first Deflater or Inflater. */
    private record Zlib(String version, MethodHandle deflateInit2, MethodHandle deflate, MethodHandle deflateParams,
            MethodHandle deflateSetDictionary, MethodHandle deflateReset, MethodHandle deflateEnd,
            MethodHandle inflateInit2, MethodHandle inflate, MethodHandle inflateSetDictionary,
            MethodHandle inflateReset, MethodHandle inflateEnd) {
        static Zlib load() {
            Linker linker = Linker.nativeLinker();
            SymbolLookup lib = SymbolLookup.libraryLookup("libz.so.1", Arena.global());
            FunctionDescriptor intOfStream = FunctionDescriptor.of(JAVA_INT, ADDRESS);
            FunctionDescriptor intOfStreamInt = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT);
            FunctionDescriptor dict = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
            MethodHandle version = linker.downcallHandle(lib.findOrThrow("zlibVersion"), FunctionDescriptor.of(ADDRESS));
            try {
                String v = ((MemorySegment) version.invokeExact()).reinterpret(64).getString(0);
                return new Zlib(v,
                        linker.downcallHandle(lib.findOrThrow("deflateInit2_"), FunctionDescriptor.of(JAVA_INT,
                                ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT)),
                        linker.downcallHandle(lib.findOrThrow("deflate"), intOfStreamInt),
                        linker.downcallHandle(lib.findOrThrow("deflateParams"),
                                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT)),
                        linker.downcallHandle(lib.findOrThrow("deflateSetDictionary"), dict),
                        linker.downcallHandle(lib.findOrThrow("deflateReset"), intOfStream),
                        linker.downcallHandle(lib.findOrThrow("deflateEnd"), intOfStream),
                        linker.downcallHandle(lib.findOrThrow("inflateInit2_"),
                                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT)),
                        linker.downcallHandle(lib.findOrThrow("inflate"), intOfStreamInt),
                        linker.downcallHandle(lib.findOrThrow("inflateSetDictionary"), dict),
                        linker.downcallHandle(lib.findOrThrow("inflateReset"), intOfStream),
                        linker.downcallHandle(lib.findOrThrow("inflateEnd"), intOfStream));
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static void register(Vm vm, Intrinsics r) {
        new ZlibNatives(vm).registerAll(r);
    }

    private void registerAll(Intrinsics r) {
        String d = "java/util/zip/Deflater";
        r.add(d, "init(IIZ)J", (t, b) -> t.prims[b] = init(t, true, (int) t.prims[b], (int) t.prims[b + 1],
                t.prims[b + 2] != 0));
        r.add(d, "setDictionary(J[BII)V", (t, b) -> setDictionary(t, b, true));
        r.add(d, "deflateBytesBytes(J[BII[BIIII)J", (t, b) -> t.prims[b] = deflate(t, b));
        r.add(d, "getAdler(J)I", (t, b) -> t.prims[b] = (int) stream(t.prims[b]).get(JAVA_LONG, ADLER));
        r.add(d, "reset(J)V", (t, b) -> check(t, call(zlib().deflateReset, t.prims[b]) == Z_OK, null));
        r.add(d, "end(J)V", (t, b) -> end(zlib().deflateEnd, t.prims[b]));
        String i = "java/util/zip/Inflater";
        r.add(i, "initIDs()V", (t, b) -> { }); // the C code caches field ids; toyvm reaches fields by name
        r.add(i, "init(Z)J", (t, b) -> t.prims[b] = init(t, false, 0, 0, t.prims[b] != 0));
        r.add(i, "setDictionary(J[BII)V", (t, b) -> setDictionary(t, b, false));
        r.add(i, "inflateBytesBytes(J[BII[BII)J", (t, b) -> t.prims[b] = inflate(t, b));
        r.add(i, "getAdler(J)I", (t, b) -> t.prims[b] = (int) stream(t.prims[b]).get(JAVA_LONG, ADLER));
        r.add(i, "reset(J)V", (t, b) -> check(t, call(zlib().inflateReset, t.prims[b]) == Z_OK, null));
        r.add(i, "end(J)V", (t, b) -> end(zlib().inflateEnd, t.prims[b]));
    }

    private synchronized Zlib zlib() {
        if (zlib == null) {
            zlib = Zlib.load();
        }
        return zlib;
    }

    /** Deflater.c / Inflater.c init: a calloc'ed z_stream, deflateInit2 or inflateInit2; its address. */
    private long init(VmThread t, boolean deflater, int level, int strategy, boolean nowrap) {
        Zlib z;
        try {
            z = zlib();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw vm.throwing.raise(t, "java/lang/UnsatisfiedLinkError", "toyvm: java.util.zip's "
                    + (deflater ? "Deflater" : "Inflater") + " needs the system's zlib (libz.so.1): " + e.getMessage());
        }
        Arena owner = Arena.ofShared();
        MemorySegment strm = owner.allocate(Z_STREAM_SIZE, 8); // zeroed, as calloc; freed by end
        int windowBits = nowrap ? -MAX_WBITS : MAX_WBITS;
        int rc;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment version = a.allocateFrom(z.version);
            rc = deflater ? (int) z.deflateInit2.invokeExact(strm, level, Z_DEFLATED, windowBits, DEF_MEM_LEVEL,
                    strategy, version, Z_STREAM_SIZE)
                    : (int) z.inflateInit2.invokeExact(strm, windowBits, version, Z_STREAM_SIZE);
        } catch (Throwable e) {
            owner.close();
            throw new IllegalStateException(e);
        }
        if (rc != Z_OK) {
            String msg = message(strm);
            owner.close();
            switch (rc) {
                case Z_MEM_ERROR -> throw vm.throwing.raise(t, "java/lang/OutOfMemoryError", null);
                case Z_STREAM_ERROR -> throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", null);
                default -> throw vm.throwing.raise(t, "java/lang/InternalError", msg);
            }
        }
        streams.put(strm.address(), owner);
        return strm.address();
    }

    private void setDictionary(VmThread t, int b, boolean deflater) {
        MemorySegment strm = stream(t.prims[b]);
        int len = (int) t.prims[b + 4];
        MemorySegment dict = vm.mem.slice(IoNatives.byteRange(vm, t, b + 2), len);
        int rc;
        try {
            rc = (int) (deflater ? zlib().deflateSetDictionary : zlib().inflateSetDictionary).invokeExact(strm, dict, len);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (rc == Z_STREAM_ERROR || !deflater && rc == Z_DATA_ERROR) {
            throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", deflater ? null : message(strm));
        }
        check(t, rc == Z_OK, message(strm));
    }

    /**
     * deflateBytesBytes(addr, input, inputOff, inputLen, output, outputOff, outputLen, flush, params): Deflater.c's
     * doDeflate and checkDeflateStatus. params bit 0: set level (params >> 3) and strategy ((params >> 1) & 3).
     */
    private long deflate(VmThread t, int b) {
        MemorySegment strm = stream(t.prims[b + 1]);
        int inputLen = (int) t.prims[b + 5];
        int outputLen = (int) t.prims[b + 8];
        int flush = (int) t.prims[b + 9];
        int params = (int) t.prims[b + 10];
        MemorySegment in = vm.mem.slice(IoNatives.byteRange(vm, t, b + 3), inputLen);
        MemorySegment out = vm.mem.slice(IoNatives.byteRange(vm, t, b + 6), outputLen);
        point(strm, in, inputLen, out, outputLen);
        boolean setParams = (params & 1) != 0;
        int rc;
        try {
            rc = setParams ? (int) zlib().deflateParams.invokeExact(strm, params >> 3, (params >> 1) & 3)
                    : (int) zlib().deflate.invokeExact(strm, flush);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        long inputUsed = 0;
        long outputUsed = 0;
        boolean finished = false;
        if (setParams) {
            if (rc != Z_OK && rc != Z_BUF_ERROR) {
                throw vm.throwing.raise(t, "java/lang/InternalError", "deflateParams failed");
            }
            setParams = rc != Z_OK;
            inputUsed = inputLen - strm.get(JAVA_INT, AVAIL_IN);
            outputUsed = outputLen - strm.get(JAVA_INT, AVAIL_OUT);
        } else if (rc == Z_OK || rc == Z_STREAM_END) {
            finished = rc == Z_STREAM_END;
            inputUsed = inputLen - strm.get(JAVA_INT, AVAIL_IN);
            outputUsed = outputLen - strm.get(JAVA_INT, AVAIL_OUT);
        } else if (rc != Z_BUF_ERROR) {
            throw vm.throwing.raise(t, "java/lang/InternalError", message(strm));
        }
        return packed(inputUsed, outputUsed, finished, setParams);
    }

    /** inflateBytesBytes(addr, input, inputOff, inputLen, output, outputOff, outputLen): Inflater.c's. */
    private long inflate(VmThread t, int b) {
        MemorySegment strm = stream(t.prims[b + 1]);
        int inputLen = (int) t.prims[b + 5];
        int outputLen = (int) t.prims[b + 8];
        MemorySegment in = vm.mem.slice(IoNatives.byteRange(vm, t, b + 3), inputLen);
        MemorySegment out = vm.mem.slice(IoNatives.byteRange(vm, t, b + 6), outputLen);
        point(strm, in, inputLen, out, outputLen);
        int rc;
        try {
            rc = (int) zlib().inflate.invokeExact(strm, Z_PARTIAL_FLUSH);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        long inputUsed = inputLen - strm.get(JAVA_INT, AVAIL_IN);
        long outputUsed = outputLen - strm.get(JAVA_INT, AVAIL_OUT);
        switch (rc) {
            case Z_STREAM_END, Z_OK, Z_NEED_DICT -> {
                return packed(inputUsed, outputUsed, rc == Z_STREAM_END, rc == Z_NEED_DICT);
            }
            case Z_BUF_ERROR -> {
                return 0;
            }
            case Z_DATA_ERROR -> {
                // As the C code: what was consumed is recorded on the Inflater before the exception.
                vm.mem.putInt(fieldOffset(t.refs[b], "inputConsumed"), (int) inputUsed);
                vm.mem.putInt(fieldOffset(t.refs[b], "outputConsumed"), (int) outputUsed);
                throw vm.throwing.raise(t, "java/util/zip/DataFormatException", message(strm));
            }
            case Z_MEM_ERROR -> throw vm.throwing.raise(t, "java/lang/OutOfMemoryError", null);
            default -> throw vm.throwing.raise(t, "java/lang/InternalError", message(strm));
        }
    }

    private long fieldOffset(int obj, String field) {
        return dev.uffdgc.toyvm.heap.ObjectLayout.offset(obj) + vm.classes.load("java/util/zip/Inflater").fields.get(field).offset;
    }

    private static void point(MemorySegment strm, MemorySegment in, int inputLen, MemorySegment out, int outputLen) {
        strm.set(ADDRESS, NEXT_IN, in);
        strm.set(JAVA_INT, AVAIL_IN, inputLen);
        strm.set(ADDRESS, NEXT_OUT, out);
        strm.set(JAVA_INT, AVAIL_OUT, outputLen);
    }

    /** The C code's result: input used | output used << 31 | finished << 62 | (setParams or needDict) << 63. */
    private static long packed(long inputUsed, long outputUsed, boolean finished, boolean flag) {
        return inputUsed | outputUsed << 31 | (finished ? 1L : 0) << 62 | (flag ? 1L : 0) << 63;
    }

    private static MemorySegment stream(long address) {
        return MemorySegment.ofAddress(address).reinterpret(Z_STREAM_SIZE);
    }

    /** The stream's msg, or null (the C code's JNU_ThrowInternalError(env, strm->msg)). */
    private static String message(MemorySegment strm) {
        MemorySegment msg = strm.get(ADDRESS, MSG);
        return msg.address() == 0 ? null : msg.reinterpret(256).getString(0);
    }

    private void check(VmThread t, boolean ok, String message) {
        if (!ok) {
            throw vm.throwing.raise(t, "java/lang/InternalError", message);
        }
    }

    private static int call(MethodHandle h, long address) {
        try {
            return (int) h.invokeExact(stream(address));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** deflateEnd/inflateEnd, then the z_stream's memory (the C code's free). */
    private void end(MethodHandle h, long address) {
        call(h, address);
        Arena owner = streams.remove(address);
        if (owner != null) {
            owner.close();
        }
    }
}
