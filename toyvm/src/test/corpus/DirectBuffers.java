import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Off-heap buffers the way I/O and serialisation code uses them: direct ByteBuffers in both byte orders, typed
 * views, slices, bulk transfers to and from heap arrays and buffers, compact/flip, and a charset round trip.
 */
public class DirectBuffers {
    public static void main(String[] args) {
        ByteBuffer b = ByteBuffer.allocateDirect(64);
        System.out.println(b.isDirect() + " " + b.capacity() + " " + b.order() + " zeroed " + (b.getLong(0) == 0 && b.get(63) == 0));
        b.putInt(0xCAFEBABE).putLong(-2L).putShort((short) 513).put((byte) -7).putChar('Z').putDouble(Math.PI).putFloat(1.5f);
        System.out.println("position " + b.position());
        b.flip();
        System.out.printf("%x %d %d %d %c %.6f %.2f%n", b.getInt(), b.getLong(), b.getShort(), b.get(), b.getChar(), b.getDouble(), b.getFloat());
        ByteBuffer le = ByteBuffer.allocateDirect(16).order(ByteOrder.LITTLE_ENDIAN);
        le.putInt(0, 0x01020304);
        System.out.println("little-endian bytes " + le.get(0) + " " + le.get(3) + ", as big-endian " + Integer.toHexString(le.order(ByteOrder.BIG_ENDIAN).getInt(0)));
        IntBuffer ints = ByteBuffer.allocateDirect(40).asIntBuffer();
        for (int i = 0; i < 10; i++) {
            ints.put(i * i);
        }
        ints.flip();
        int sum = 0;
        while (ints.hasRemaining()) {
            sum += ints.get();
        }
        System.out.println("sum of squares " + sum);
        byte[] heap = new byte[256];
        for (int i = 0; i < heap.length; i++) {
            heap[i] = (byte) (i * 31);
        }
        ByteBuffer big = ByteBuffer.allocateDirect(1 << 16);
        for (int i = 0; i < 256; i++) {
            big.put(heap);
        }
        big.flip();
        byte[] back = new byte[heap.length];
        long checksum = 0;
        while (big.hasRemaining()) {
            big.get(back);
            for (byte x : back) {
                checksum = checksum * 31 + x;
            }
        }
        System.out.println("bulk round trip checksum " + checksum);
        ByteBuffer slice = big.clear().position(100).limit(110).slice();
        slice.put(0, (byte) 42);
        System.out.println("slice " + slice.capacity() + " writes through " + (big.get(100) == 42));
        ByteBuffer copy = ByteBuffer.allocate(8);
        ByteBuffer src = ByteBuffer.allocateDirect(8).putLong(0, 123456789L);
        copy.put(src);
        System.out.println("direct to heap " + copy.getLong(0));
        ByteBuffer text = StandardCharsets.UTF_8.encode("grüße, κόσμε");
        ByteBuffer d = ByteBuffer.allocateDirect(text.remaining()).put(text).flip();
        CharBuffer chars = StandardCharsets.UTF_8.decode(d);
        System.out.println("charset round trip " + chars + " (" + d.limit() + " bytes)");
        ByteBuffer c = ByteBuffer.allocateDirect(8).put(new byte[] {1, 2, 3, 4, 5});
        c.flip().get();
        c.compact();
        System.out.println("compact position " + c.position() + " first " + c.get(0) + " equals " + c.flip().equals(ByteBuffer.wrap(new byte[] {2, 3, 4, 5})));
        try {
            ByteBuffer.allocateDirect(4).getLong(0);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("bounds: " + e.getClass().getSimpleName());
        }
    }
}
