import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.*;

/** Streams over file descriptors and files: stdin through FileInputStream(FileDescriptor.in), raw stdout/stderr, a temp file written and read back. */
public class FdStreams {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8));
        long sum = 0;
        int lines = 0;
        for (String line; (line = in.readLine()) != null; ) {
            for (String tok : line.trim().split("\\s+")) if (tok.matches("-?\\d+")) sum += Long.parseLong(tok);
            lines++;
        }
        System.out.println("stdin: " + lines + " lines, sum " + sum);

        FileOutputStream rawOut = new FileOutputStream(FileDescriptor.out);
        System.out.print("before raw; ");
        System.out.flush();
        rawOut.write("raw bytes; ".getBytes(StandardCharsets.UTF_8));
        rawOut.write('!');
        rawOut.write('\n');
        System.out.println("after raw");
        PrintStream viaFd = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 16), false, "UTF-8");
        for (int i = 0; i < 5; i++) viaFd.printf("buffered line %d %s%n", i, "é".repeat(i));
        viaFd.flush();
        System.out.println("System.out again");
        new FileOutputStream(FileDescriptor.err).write("to stderr through its descriptor\n".getBytes());

        File tmp = new File(System.getProperty("java.io.tmpdir"), "fdstreams-" + System.nanoTime() + ".txt");
        try (PrintWriter w = new PrintWriter(new BufferedWriter(new FileWriter(tmp)))) {
            for (int i = 1; i <= 200; i++) w.println(i + "," + (i * i) + "," + Integer.toHexString(i * 31));
        }
        System.out.println("exists " + tmp.exists() + " isFile " + tmp.isFile() + " isDirectory " + tmp.isDirectory() + " length " + tmp.length());
        try (FileOutputStream app = new FileOutputStream(tmp, true)) {
            app.write("appended\n".getBytes(StandardCharsets.US_ASCII));
        }
        try (FileInputStream fis = new FileInputStream(tmp)) {
            System.out.println("available " + fis.available() + " first byte " + (char) fis.read() + " skipped " + fis.skip(10));
            byte[] rest = fis.readAllBytes();
            System.out.println("rest " + rest.length + " bytes, ends with " + new String(rest, rest.length - 9, 8, StandardCharsets.US_ASCII) + ", then " + fis.read());
        }
        long squares = 0;
        try (BufferedReader r = new BufferedReader(new FileReader(tmp))) {
            String l;
            while ((l = r.readLine()) != null) if (!l.equals("appended")) squares += Long.parseLong(l.split(",")[1]);
        }
        System.out.println("sum of squares from the file " + squares);
        try (DataOutputStream d = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(tmp)))) {
            d.writeInt(42); d.writeDouble(Math.PI); d.writeUTF("data stream"); d.writeLong(-1L);
        }
        try (DataInputStream d = new DataInputStream(new BufferedInputStream(new FileInputStream(tmp)))) {
            System.out.println(d.readInt() + " " + d.readDouble() + " " + d.readUTF() + " " + d.readLong() + " file length " + tmp.length());
        }
        FileOutputStream closed = new FileOutputStream(tmp);
        closed.close();
        try { closed.write(1); } catch (IOException e) { System.out.println("write after close: " + e.getMessage()); }
        System.out.println("deleted " + tmp.delete() + " exists " + tmp.exists() + " delete again " + tmp.delete());
        try { new FileInputStream(new File(tmp.getParent(), "no-such-dir-xyz/missing.txt")); } catch (FileNotFoundException e) {
            System.out.println("missing: " + e.getMessage().replace(tmp.getParent(), "TMP"));
        }
        try { new FileInputStream(FileDescriptor.out).read(); } catch (IOException e) { System.out.println("read from stdout fails: " + e.getClass().getSimpleName()); }
        rawOut.flush();
        System.out.println("done");
    }
}
