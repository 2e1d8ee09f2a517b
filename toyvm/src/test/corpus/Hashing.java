import java.util.*;
import java.util.zip.CRC32;

/** Checksums and hashes: CRC32, String/Arrays/Objects hash codes, bit twiddling, unsigned arithmetic. */
public class Hashing {
    public static void main(String[] args) {
        CRC32 crc = new CRC32();
        crc.update("The quick brown fox jumps over the lazy dog".getBytes());
        System.out.println(Long.toHexString(crc.getValue()));
        System.out.println("hello".hashCode() + " " + Arrays.hashCode(new int[] {1, 2, 3}) + " " + Objects.hash("a", 1, 2.0) + " " + List.of(1, 2).hashCode()
                + " " + Double.hashCode(1.5) + " " + Long.hashCode(1L << 40) + " " + Boolean.hashCode(true) + " " + Map.entry("k", "v").hashCode());
        int x = 0b1011_0000;
        System.out.println(Integer.bitCount(x) + " " + Integer.highestOneBit(x) + " " + Integer.numberOfTrailingZeros(x) + " " + Integer.reverse(x)
                + " " + Integer.rotateLeft(x, 28) + " " + Long.numberOfLeadingZeros(1) + " " + Integer.toUnsignedString(-1) + " " + Integer.divideUnsigned(-1, 3)
                + " " + Long.remainderUnsigned(-1L, 7) + " " + Integer.parseUnsignedInt("4294967295") + " " + Long.toUnsignedString(-2L));
        long h = 1125899906842597L;
        for (char c : "fnv-ish".toCharArray()) h = 31 * h + c;
        System.out.println(h + " " + Long.toString(h, 36) + " " + Integer.toOctalString(511) + " " + Integer.parseInt("-ff", 16) + " " + Character.getNumericValue('Z'));
        System.out.println(Math.floorMod(-7, 3) + " " + Math.floorDiv(-7, 3) + " " + Math.abs(Integer.MIN_VALUE) + " " + Math.hypot(3, 4) + " " + Math.cbrt(27)
                + " " + Math.round(-2.5) + " " + Math.rint(2.5) + " " + StrictMath.sin(1) + " " + Math.toDegrees(Math.PI) + " " + Math.fma(2.0, 3.0, 1.0));
        try { Math.addExact(Integer.MAX_VALUE, 1); } catch (ArithmeticException e) { System.out.println(e.getMessage()); }
        Random r = new Random(42);
        System.out.println(r.nextInt(100) + " " + r.nextLong() + " " + r.nextDouble() + " " + r.nextBoolean() + " " + r.nextGaussian());
        int[] shuffled = {1, 2, 3, 4, 5, 6};
        List<Integer> sl = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6));
        Collections.shuffle(sl, new Random(7));
        System.out.println(sl + " " + Arrays.toString(shuffled) + " " + UUID.nameUUIDFromBytes("x".getBytes()));
    }
}
