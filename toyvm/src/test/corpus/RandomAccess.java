import java.io.*;
import java.nio.file.*;

/**
 * A fixed-size record file on java.io.RandomAccessFile, as textbook programs keep one: records written, read back
 * out of order by seek, one updated in place, the file truncated and grown, read past the end (EOFException), a
 * read-only open refusing writes, a missing file. Found: toyvm had no RandomAccessFile natives (UnsatisfiedLinkError
 * RandomAccessFile.initIDs at its first use).
 */
public class RandomAccess {
    static final int RECORD = 4 + 8 + 16;

    static void write(RandomAccessFile f, int id, double balance, String name) throws IOException {
        f.seek((long) id * RECORD);
        f.writeInt(id);
        f.writeDouble(balance);
        byte[] n = new byte[16];
        byte[] s = name.getBytes("US-ASCII");
        System.arraycopy(s, 0, n, 0, Math.min(16, s.length));
        f.write(n);
    }

    static String read(RandomAccessFile f, int id) throws IOException {
        f.seek((long) id * RECORD);
        int got = f.readInt();
        double balance = f.readDouble();
        byte[] n = new byte[16];
        f.readFully(n);
        return got + ":" + balance + ":" + new String(n, "US-ASCII").trim();
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("raf");
        File file = dir.resolve("accounts.dat").toFile();
        try {
            try (RandomAccessFile f = new RandomAccessFile(file, "rw")) {
                String[] names = {"ada", "brian", "cleo", "dmitri", "eve", "fatima", "gus", "hiro"};
                for (int i = 0; i < names.length; i++) {
                    write(f, i, 100.0 * (i + 1) + i / 4.0, names[i]);
                }
                System.out.println("length " + f.length() + ", pointer " + f.getFilePointer());
                for (int id : new int[] {5, 0, 7, 3}) {
                    System.out.println(read(f, id));
                }
                f.seek(2L * RECORD + 4);
                double b = f.readDouble();
                f.seek(2L * RECORD + 4);
                f.writeDouble(b - 42.5);
                System.out.println("updated " + read(f, 2));
                f.setLength(6L * RECORD);
                System.out.println("truncated to " + f.length() + ", pointer " + f.getFilePointer());
                try {
                    read(f, 6);
                } catch (EOFException e) {
                    System.out.println("past the end: " + e.getClass().getSimpleName());
                }
                f.seek(f.length());
                f.writeUTF("trailer");
                f.seek(6L * RECORD);
                System.out.println("trailer " + f.readUTF() + ", read() at end " + f.read() + ", skipBytes " + f.skipBytes(5));
                f.setLength(8L * RECORD);
                f.seek(7L * RECORD);
                System.out.println("grown, zero-filled: " + f.readInt() + " " + f.readDouble());
            }
            try (RandomAccessFile r = new RandomAccessFile(file, "r")) {
                System.out.println("read-only " + read(r, 1) + ", length " + r.length());
                r.writeInt(1);
            } catch (IOException e) {
                System.out.println("write on read-only: " + e.getClass().getSimpleName());
            }
            try (RandomAccessFile sync = new RandomAccessFile(file, "rws")) {
                sync.seek(0);
                sync.writeInt(99);
                sync.getFD().sync();
            }
            try (RandomAccessFile r = new RandomAccessFile(file, "r")) {
                System.out.println("after rws " + r.readInt() + ", bytes in all " + Files.size(file.toPath()));
            }
            try {
                new RandomAccessFile(dir.resolve("missing/none.dat").toFile(), "r");
            } catch (FileNotFoundException e) {
                System.out.println("missing: " + e.getClass().getSimpleName());
            }
        } finally {
            Files.deleteIfExists(file.toPath());
            Files.deleteIfExists(dir);
        }
    }
}
