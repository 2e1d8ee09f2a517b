/** Integer and Long bit operations, radix conversions and unsigned arithmetic, as a hashing or codec library uses them. */
public class BitTwiddling {
    public static void main(String[] args) {
        int[] ints = {0, 1, -1, 42, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x12345678, -559038737};
        for (int v : ints) {
            System.out.println(v + ": bin=" + Integer.toBinaryString(v) + " hex=" + Integer.toHexString(v)
                    + " oct=" + Integer.toOctalString(v) + " bits=" + Integer.bitCount(v)
                    + " lz=" + Integer.numberOfLeadingZeros(v) + " tz=" + Integer.numberOfTrailingZeros(v)
                    + " rev=" + Integer.reverse(v) + " bswap=" + Integer.reverseBytes(v)
                    + " rotl5=" + Integer.rotateLeft(v, 5) + " hi=" + Integer.highestOneBit(v)
                    + " u=" + Integer.toUnsignedString(v) + " r36=" + Integer.toString(v, 36));
        }
        long[] longs = {0L, -1L, 0xCAFEBABEDEADBEEFL, Long.MIN_VALUE, 1L << 40, 123456789012345L};
        for (long v : longs) {
            System.out.println(v + ": hex=" + Long.toHexString(v) + " bits=" + Long.bitCount(v)
                    + " u=" + Long.toUnsignedString(v) + " u/7=" + Long.divideUnsigned(v, 7)
                    + " u%7=" + Long.remainderUnsigned(v, 7) + " cmpU=" + Long.compareUnsigned(v, 1L)
                    + " rev=" + Long.reverse(v) + " sig=" + Long.signum(v));
        }
        System.out.println(Integer.parseInt("-zz", 36) + " " + Integer.parseUnsignedInt("4294967295")
                + " " + Long.parseLong("7fffffffffffffff", 16) + " " + Integer.valueOf("0777".substring(1), 8));
        System.out.println(Integer.decode("0x1F") + " " + Long.decode("#ff") + " " + Integer.decode("-010"));
        long h = 1125899906842597L;
        for (char c : "the quick brown fox".toCharArray()) h = 31 * h + c;
        System.out.println("hash " + h + " mixed " + Long.toHexString(h ^ (h >>> 33)) + " " + (int) (h >>> 32));
        System.out.println(Math.floorMod(-7, 3) + " " + Math.floorDiv(-7, 3) + " " + (-7 % 3) + " " + (-7 / 3)
                + " " + Math.multiplyHigh(0x123456789L, 0x987654321L) + " " + Character.getNumericValue('z'));
        try {
            System.out.println(Math.addExact(Integer.MAX_VALUE, 1));
        } catch (ArithmeticException e) {
            System.out.println("caught " + e.getMessage());
        }
    }
}
