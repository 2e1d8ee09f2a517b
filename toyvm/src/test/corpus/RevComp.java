import java.io.*;

/** The benchmarks game's reverse-complement: FASTA from stdin (System.in.read), reversed and complemented. */
public class RevComp {
    public static void main(String[] args) throws IOException {
        byte[] map = new byte[128];
        String from = "ACGTUMRWSYKVHDBNacgtumrwsykvhdbn", to = "TGCAAKYWSRMBDHVNTGCAAKYWSRMBDHVN";
        for (int i = 0; i < map.length; i++) map[i] = (byte) i;
        for (int i = 0; i < from.length(); i++) map[from.charAt(i)] = (byte) to.charAt(i);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[1024];
        int n;
        while ((n = System.in.read(buf, 0, buf.length)) != -1) all.write(buf, 0, n);
        String[] lines = all.toString().split("\n");
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), false);
        StringBuilder seq = new StringBuilder();
        for (String l : lines) {
            if (l.startsWith(">")) {
                flush(seq, map, out);
                out.println(l);
            } else {
                seq.append(l);
            }
        }
        flush(seq, map, out);
        out.flush();
    }

    static void flush(StringBuilder seq, byte[] map, PrintStream out) {
        StringBuilder r = new StringBuilder();
        for (int i = seq.length() - 1; i >= 0; i--) r.append((char) map[seq.charAt(i)]);
        for (int i = 0; i < r.length(); i += 60) out.println(r.substring(i, Math.min(r.length(), i + 60)));
        seq.setLength(0);
    }
}
