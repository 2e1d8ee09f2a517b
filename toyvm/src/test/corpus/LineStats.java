import java.io.IOException;

/** wc: bytes, lines, words of stdin, read with System.in.read into a buffer. */
public class LineStats {
    public static void main(String[] args) throws IOException {
        byte[] buf = new byte[512];
        long bytes = 0, lines = 0, words = 0;
        boolean inWord = false;
        int n;
        while ((n = System.in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                bytes++;
                if (b == '\n') {
                    lines++;
                }
                boolean space = b == ' ' || b == '\n' || b == '\t' || b == '\r';
                if (!space && !inWord) {
                    words++;
                }
                inWord = !space;
            }
        }
        System.out.printf("%7d %7d %7d%n", lines, words, bytes);
        System.out.println(System.in.read() + " at end");
    }
}
