import java.io.*;
import java.util.*;

/** java.util.Properties from text, system properties set and read back, line separator, env-independent bits. */
public class PropertiesDemo {
    public static void main(String[] args) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader("# config\nname = toy\nthreads=4\npath=/a/b\\\n  /c\nempty=\n"));
        System.out.println(new TreeMap<>(p));
        System.out.println(Integer.parseInt(p.getProperty("threads")) * 2 + " " + p.getProperty("missing", "dflt"));
        System.setProperty("app.mode", "test");
        System.out.println(System.getProperty("app.mode") + " " + System.getProperties().getProperty("app.mode") + " "
                + System.clearProperty("app.mode") + " " + System.getProperty("app.mode"));
        System.out.println(System.lineSeparator().equals("\n") + " " + System.getProperty("file.separator") + " "
                + System.getProperty("path.separator") + " " + (System.getProperty("java.home") != null) + " "
                + (System.getProperty("user.dir") != null) + " " + Integer.getInteger("no.such.prop", 7) + " " + Boolean.getBoolean("no.such"));
        StringWriter w = new StringWriter();
        PrintWriter pw = new PrintWriter(w);
        pw.printf("%s=%d%n", "x", 1);
        pw.println("done");
        pw.flush();
        System.out.print(w);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, "UTF-8");
        ps.print("héllo ");
        ps.println(42);
        System.out.println(bytes.size() + " " + bytes.toString("UTF-8").trim());
        PrintStream saved = System.out;
        System.setOut(ps);
        System.out.println("captured");
        System.setOut(saved);
        System.out.println(bytes.toString("UTF-8").lines().toList());
        BufferedWriter bw = new BufferedWriter(new OutputStreamWriter(System.out));
        bw.write("buffered writer line");
        bw.newLine();
        bw.flush();
    }
}
