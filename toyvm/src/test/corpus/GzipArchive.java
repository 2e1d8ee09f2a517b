import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * java.util.zip's compressing side, the way log rotators, benchmark result archivers and "compress a buffer" helpers
 * use it: stdin gzipped through a Writer and read back line by line, a zip archive of several entries listed with
 * ZipInputStream, raw Deflater/Inflater at every level and strategy with a preset dictionary, a gzip member made
 * elsewhere (embedded) inflated, and corrupt input reported. Compressed sizes depend on the zlib build (HotSpot
 * carries its own), so what is printed is what any zlib gives: lengths and CRCs of the data, round trips, zlib's
 * error messages, and that compressing repetitive text makes it smaller.
 */
public class GzipArchive {
    public static void main(String[] args) throws IOException, DataFormatException {
        byte[] text = System.in.readAllBytes();
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            big.append(new String(text, StandardCharsets.UTF_8)).append("# round ").append(i).append('\n');
        }
        byte[] data = big.toString().getBytes(StandardCharsets.UTF_8);
        System.out.printf("input %d bytes, crc %08x%n", data.length, crc(data));

        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(gz, 512), StandardCharsets.UTF_8)) {
            w.write(big.toString());
        }
        int lines = 0;
        long chars = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(gz.toByteArray()), 300), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines++;
                chars += line.length();
            }
        }
        System.out.println("gzip smaller: " + (gz.size() * 10 < data.length) + ", read back " + lines + " lines, "
                + chars + " chars");

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.setComment("results of run 7");
            for (String name : new String[] {"summary.txt", "logs/gc.log", "data/ünïcode.csv", "empty"}) {
                ZipEntry e = new ZipEntry(name);
                e.setComment(name.length() + " chars");
                z.putNextEntry(e);
                int n = name.equals("empty") ? 0 : Math.min(data.length, name.length() * 997);
                z.write(data, 0, n);
                z.closeEntry();
            }
            ZipEntry stored = new ZipEntry("stored.bin");
            stored.setMethod(ZipEntry.STORED);
            byte[] bytes = Arrays.copyOf(data, 1000);
            stored.setSize(bytes.length);
            stored.setCrc(crc(bytes));
            z.putNextEntry(stored);
            z.write(bytes);
            z.closeEntry();
        }
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                byte[] content = z.readAllBytes();
                System.out.printf("  %-18s %5d bytes crc %08x %s%n", e.getName(), content.length, crc(content),
                        e.getMethod() == ZipEntry.STORED ? "stored" : "deflated");
            }
        }

        for (int level = 0; level <= 9; level += 3) {
            for (int strategy : new int[] {Deflater.DEFAULT_STRATEGY, Deflater.FILTERED, Deflater.HUFFMAN_ONLY}) {
                Deflater d = new Deflater(level, level % 2 == 1);
                d.setStrategy(strategy);
                d.setInput(data);
                d.finish();
                ByteArrayOutputStream packed = new ByteArrayOutputStream();
                byte[] buf = new byte[1024];
                while (!d.finished()) {
                    packed.write(buf, 0, d.deflate(buf));
                }
                long in = d.getBytesRead();
                d.end();
                Inflater inf = new Inflater(level % 2 == 1);
                inf.setInput(packed.toByteArray());
                byte[] back = new byte[data.length];
                int got = 0;
                while (!inf.finished() && got < back.length) {
                    got += inf.inflate(back, got, Math.min(4096, back.length - got));
                }
                inf.end();
                System.out.printf("level %d strategy %d: read %d, inflated %d, same %b%n", level, strategy, in, got,
                        Arrays.equals(data, back));
            }
        }

        byte[] dictionary = "the quick brown fox # round".getBytes(StandardCharsets.UTF_8);
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        d.setDictionary(dictionary);
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(packed, d, true)) {
            out.write(data, 0, 5000);
            out.flush();
            out.write(data, 5000, 5000);
        }
        Inflater inf = new Inflater();
        inf.setInput(packed.toByteArray());
        byte[] back = new byte[10000];
        int n = inf.inflate(back);
        System.out.println("needs dictionary: " + inf.needsDictionary() + " after " + n + " bytes, adler "
                + Long.toHexString(inf.getAdler()));
        inf.setDictionary(dictionary);
        while (!inf.finished()) {
            n += inf.inflate(back, n, back.length - n);
        }
        System.out.println("with it: " + n + " bytes, same " + Arrays.equals(Arrays.copyOf(data, 10000), back));
        inf.end();

        // "hello, gzip\n" gzipped by gzip(1).
        byte[] member = Base64.getDecoder().decode("H4sIAAAAAAAAA8tIzcnJ11FIr8os4AIAhh+CpAwAAAA=");
        try (InflaterInputStream in = new GZIPInputStream(new ByteArrayInputStream(member))) {
            System.out.print("gzip(1) member: " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        for (byte[] bad : new byte[][] {{1, 2, 3, 4, 5, 6}, Arrays.copyOf(gz.toByteArray(), 40)}) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bad))) {
                System.out.println("read " + in.readAllBytes().length);
            } catch (IOException e) {
                System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        Inflater corrupt = new Inflater();
        corrupt.setInput(new byte[] {0x78, (byte) 0x9c, (byte) 0xff, (byte) 0xff, 0x00});
        try {
            corrupt.inflate(new byte[64]);
        } catch (DataFormatException e) {
            System.out.println("DataFormatException: " + e.getMessage() + ", consumed " + corrupt.getBytesRead());
        }
        corrupt.end();
    }

    static long crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return c.getValue();
    }
}
