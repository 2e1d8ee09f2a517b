import java.lang.reflect.*;
import java.util.*;

/** Core reflection as plugin loaders and test runners use it: forName, members, invoke, fields, newInstance. */
public class Reflect {
    public static class Plugin {
        private String greeting = "hi";
        public int runs;
        public static final String VERSION = "1.0";
        public Plugin() { }
        public Plugin(String g) { greeting = g; }
        public String run(String who, int times) { runs++; return (greeting + " " + who + " ").repeat(times).trim(); }
        public static int add(int a, int b) { return a + b; }
        private double secret() { return 2.5; }
        public void fail() throws java.io.IOException { throw new java.io.IOException("disk full"); }
    }

    public static void main(String[] args) throws Exception {
        Class<?> c = Class.forName("Reflect$Plugin");
        System.out.println(c.getName() + " " + c.getSimpleName() + " " + Modifier.toString(c.getModifiers()) + " " + c.getSuperclass());
        Object p = c.getConstructor().newInstance();
        Method run = c.getMethod("run", String.class, int.class);
        System.out.println(run.invoke(p, "you", 2) + " | " + run);
        System.out.println(c.getMethod("add", int.class, int.class).invoke(null, 40, 2));
        Method secret = c.getDeclaredMethod("secret");
        secret.setAccessible(true);
        System.out.println(secret.invoke(p) + " " + Modifier.isPrivate(secret.getModifiers()) + " " + secret.getReturnType());
        Object q = c.getConstructor(String.class).newInstance("hello");
        System.out.println(run.invoke(q, "all", 1));
        Field runs = c.getField("runs");
        System.out.println(runs.getInt(p) + " " + runs.get(q) + " " + c.getField("VERSION").get(null));
        Field g = c.getDeclaredField("greeting");
        g.setAccessible(true);
        g.set(p, "yo");
        System.out.println(g.get(p) + " " + run.invoke(p, "me", 1) + " " + runs.getInt(p));
        try {
            c.getMethod("fail").invoke(p);
        } catch (InvocationTargetException e) {
            System.out.println("target threw " + e.getCause());
        }
        try {
            run.invoke(p, "wrong");
        } catch (IllegalArgumentException e) {
            System.out.println("IAE");
        }
        List<String> names = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) names.add(m.getName() + "/" + m.getParameterCount());
        Collections.sort(names);
        System.out.println(names);
        List<String> fields = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) fields.add(f.getType().getSimpleName() + " " + f.getName());
        Collections.sort(fields);
        System.out.println(fields + " " + c.getConstructors().length);
        try {
            Class.forName("com.example.Missing");
        } catch (ClassNotFoundException e) {
            System.out.println("CNFE " + e.getMessage());
        }
        Object list = Class.forName("java.util.ArrayList").getDeclaredConstructor().newInstance();
        System.out.println(list.getClass().getName() + " " + (list instanceof List) + " " + int.class + " " + String[].class.getName());
        StackTraceElement[] st = Thread.currentThread().getStackTrace();
        System.out.println(st[0].getMethodName() + " " + st[1].getClassName() + "." + st[1].getMethodName() + ":" + st[1].getLineNumber());
        try (var in = Reflect.class.getResourceAsStream("/Reflect.class")) {
            byte[] head = in.readNBytes(4);
            System.out.printf("resource %02x%02x%02x%02x%n", head[0], head[1], head[2], head[3]);
        }
        System.out.println(Reflect.class.getResourceAsStream("nope.txt"));
    }
}
