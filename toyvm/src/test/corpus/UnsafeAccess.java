import java.lang.reflect.Field;
import java.nio.*;
import java.util.*;

/**
 * sun.misc.Unsafe as GC and VM engineers' programs use it: theUnsafe by reflection, field offsets and CAS, array
 * base and scale, raw memory; heap and direct ByteBuffers. JDK 25 prints its deprecation warnings to the initial
 * System.err on the first memory-access method; toyvm failed there (AbstractMethodError:
 * JavaLangAccess.initialSystemErr).
 */
public class UnsafeAccess {
    static class Point { int x; long y; Object ref; }
    public static void main(String[] args) throws Exception {
        Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        sun.misc.Unsafe u = (sun.misc.Unsafe) f.get(null);
        long ox = u.objectFieldOffset(Point.class.getDeclaredField("x"));
        long oy = u.objectFieldOffset(Point.class.getDeclaredField("y"));
        Point p = new Point();
        u.putInt(p, ox, 42); u.putLong(p, oy, 7L);
        System.out.println(p.x + " " + p.y + " " + u.compareAndSwapInt(p, ox, 42, 43) + " " + p.x + " " + (ox != oy));
        int base = u.arrayBaseOffset(int[].class), scale = u.arrayIndexScale(int[].class);
        int[] arr = new int[4]; u.putInt(arr, (long) base + 2L * scale, 9);
        System.out.println(Arrays.toString(arr) + " " + scale);
        long mem = u.allocateMemory(64); u.putLong(mem, 123456789L); System.out.println(u.getLong(mem)); u.freeMemory(mem);
        System.out.println(u.addressSize() + " " + (u.pageSize() > 0));
        ByteBuffer bb = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN); bb.putInt(0x01020304).putDouble(2.5).flip();
        System.out.println(bb.get() + " " + bb.remaining() + " " + bb.order());
        ByteBuffer d = ByteBuffer.allocateDirect(32); d.putLong(0, -1L); System.out.println(d.getLong(0) + " " + d.isDirect());
    }
}
