package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.Vm;

/**
 * java.util.zip's checksums (the JDK's CRC32 and Adler32 classes, with the natives libzip gives HotSpot); the
 * library load in front of them is LibraryNatives'. Direct-buffer variants (an off-heap address) are not
 * supported and fail naming themselves.
 */
final class ZipNatives {
    /** zlib's CRC-32 (reflected polynomial 0xEDB88320), one table entry per byte value. */
    private static final int[] CRC_TABLE = new int[256];
    private static final int ADLER_BASE = 65521;

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            CRC_TABLE[n] = c;
        }
    }

    private ZipNatives() {
    }

    static void register(Vm vm, Intrinsics r) {
        String crc = "java/util/zip/CRC32";
        r.add(crc, "update(II)I", (t, b) -> t.prims[b] = crc32((int) t.prims[b], (byte) t.prims[b + 1]));
        r.add(crc, "updateBytes0(I[BII)I", (t, b) -> {
            long at = IoNatives.byteRange(vm, t, b + 1);
            int c = (int) t.prims[b];
            for (int i = 0, len = (int) t.prims[b + 3]; i < len; i++) {
                c = crc32(c, vm.mem.getByte(at + i));
            }
            t.prims[b] = c;
        });
        String adler = "java/util/zip/Adler32";
        r.add(adler, "update(II)I", (t, b) -> t.prims[b] = adler32((int) t.prims[b], (byte) t.prims[b + 1]));
        r.add(adler, "updateBytes(I[BII)I", (t, b) -> {
            long at = IoNatives.byteRange(vm, t, b + 1);
            int a = (int) t.prims[b];
            for (int i = 0, len = (int) t.prims[b + 3]; i < len; i++) {
                a = adler32(a, vm.mem.getByte(at + i));
            }
            t.prims[b] = a;
        });
    }

    /** zlib's crc32(crc, &b, 1): crc is the finished value of the bytes before. */
    static int crc32(int crc, byte b) {
        int c = ~crc;
        c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
        return ~c;
    }

    /** zlib's adler32(adler, &b, 1). */
    static int adler32(int adler, byte b) {
        int s1 = adler & 0xffff;
        int s2 = adler >>> 16;
        s1 = (s1 + (b & 0xff)) % ADLER_BASE;
        s2 = (s2 + s1) % ADLER_BASE;
        return s2 << 16 | s1;
    }
}
