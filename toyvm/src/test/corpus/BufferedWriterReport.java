import java.io.*;
import java.nio.charset.StandardCharsets;

/** Writes a report through PrintWriter/BufferedWriter, reads it back through a BufferedReader, and writes part of it
 * to stdout through a BufferedWriter and a BufferedOutputStream with small buffers. */
public class BufferedWriterReport {
    public static void main(String[] args) throws IOException {
        StringWriter sw = new StringWriter();
        try (PrintWriter pw = new PrintWriter(new BufferedWriter(sw))) {
            for (int i = 1; i <= 12; i++) pw.printf("%-8s|%6d|%8.3f%n", "row" + i, i * i * i, Math.sqrt(i));
        }
        String report = sw.toString();
        BufferedReader br = new BufferedReader(new StringReader(report));
        String line;
        int lines = 0, chars = 0;
        while ((line = br.readLine()) != null) { lines++; chars += line.length(); }
        System.out.println(lines + " lines, " + chars + " chars");
        Writer stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 64);
        stdout.write(report.substring(0, report.indexOf('\n', 60) + 1));
        stdout.flush();
        BufferedOutputStream raw = new BufferedOutputStream(System.out, 8);
        raw.write("raw bytes through a small buffer\n".getBytes(StandardCharsets.US_ASCII));
        raw.flush();
    }
}
