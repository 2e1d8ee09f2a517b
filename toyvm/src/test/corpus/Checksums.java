import java.io.*;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.*;

/** java.util.zip's checksums over stdin and over strings: CRC32, Adler32, CRC32C, byte-wise and in blocks, through CheckedInputStream. */
public class Checksums {
    public static void main(String[] args) throws IOException {
        CRC32 crcStream = new CRC32();
        Adler32 adlerStream = new Adler32();
        byte[] all;
        try (CheckedInputStream in = new CheckedInputStream(new BufferedInputStream(System.in), crcStream)) {
            all = in.readAllBytes();
        }
        adlerStream.update(all);
        System.out.printf("stdin %d bytes crc32 %08x adler32 %08x%n", all.length, crcStream.getValue(), adlerStream.getValue());

        CRC32 oneByOne = new CRC32();
        for (byte b : all) oneByOne.update(b);
        CRC32 blocks = new CRC32();
        for (int off = 0; off < all.length; off += 777) blocks.update(all, off, Math.min(777, all.length - off));
        CRC32 viaBuffer = new CRC32();
        viaBuffer.update(ByteBuffer.wrap(all));
        System.out.println("same crc byte-wise, in blocks, via heap buffer: " + (oneByOne.getValue() == crcStream.getValue())
                + " " + (blocks.getValue() == crcStream.getValue()) + " " + (viaBuffer.getValue() == crcStream.getValue()));

        for (String s : new String[] {"", "a", "abc", "The quick brown fox jumps over the lazy dog", "123456789", "ünïcödé"}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            Checksum[] cs = {new CRC32(), new Adler32(), new CRC32C()};
            StringBuilder line = new StringBuilder(String.format("%-45s", '"' + s + '"'));
            for (Checksum c : cs) {
                c.update(b, 0, b.length);
                line.append(String.format(" %08x", c.getValue()));
            }
            System.out.println(line);
        }
        Adler32 a = new Adler32();
        a.update(new byte[100_000]);
        a.update(255);
        long before = a.getValue();
        a.reset();
        System.out.printf("adler of zeros %08x, after reset %d%n", before, a.getValue());
        CRC32 c = new CRC32();
        try { c.update(new byte[4], 3, 2); } catch (ArrayIndexOutOfBoundsException e) { System.out.println("bounds: " + e.getClass().getSimpleName()); }
        try (CheckedOutputStream out = new CheckedOutputStream(OutputStream.nullOutputStream(), new Adler32())) {
            for (int i = 0; i < 1000; i++) out.write(("line " + i + "\n").getBytes(StandardCharsets.US_ASCII));
            System.out.printf("checked output %08x%n", out.getChecksum().getValue());
        }
    }
}
