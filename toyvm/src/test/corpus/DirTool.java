import java.io.File;
import java.io.IOException;
import java.util.Arrays;

/**
 * A little directory tool on java.io.File, the pre-NIO way: builds a tree under the directory it is given
 * (mkdirs, createNewFile), prints it recursively, renames and deletes in it, and removes what it made.
 * Usage: DirTool <scratch directory>
 */
public class DirTool {
    public static void main(String[] args) throws IOException {
        File base = new File(args[0], "dirtool");
        System.out.println("mkdirs " + new File(base, "src/main/java").mkdirs() + " again " + new File(base, "src/main/java").mkdirs());
        System.out.println("mkdir docs " + new File(base, "docs").mkdir() + " mkdir missing/child " + new File(base, "missing/child").mkdir());
        String[] names = {"src/main/java/App.java", "src/main/java/Util.java", "docs/README", "build.gradle", ".hidden"};
        for (String n : names) {
            File f = new File(base, n);
            System.out.println("create " + n + " " + f.createNewFile() + " again " + f.createNewFile());
        }
        try {
            new File(base, "nowhere/x.txt").createNewFile();
        } catch (IOException e) {
            System.out.println("createNewFile in a missing directory: " + e.getClass().getName() + ": " + e.getMessage());
        }
        print(base, "");
        File readme = new File(base, "docs/README");
        File renamed = new File(base, "docs/README.md");
        System.out.println("rename " + readme.renameTo(renamed) + " old exists " + readme.exists() + " new exists " + renamed.exists());
        System.out.println("isFile " + renamed.isFile() + " isDirectory " + renamed.isDirectory() + " length " + renamed.length()
                + " hidden " + new File(base, ".hidden").isHidden() + " canRead " + renamed.canRead());
        File missing = new File(base, "no/such/file");
        System.out.println("missing: exists " + missing.exists() + " length " + missing.length() + " list " + missing.list()
                + " lastModified " + missing.lastModified() + " delete " + missing.delete());
        File relative = new File(base, "src/main/../main/./java/App.java");
        System.out.println("canonical " + relative.getCanonicalPath().substring(base.getCanonicalPath().length())
                + "; a/b absolute " + new File("a/b").isAbsolute() + ", resolved against user.dir "
                + new File("a/b").getAbsolutePath().equals(System.getProperty("user.dir") + "/a/b"));
        System.out.println("delete non-empty docs: " + new File(base, "docs").delete());
        System.out.println("deleted " + deleteTree(base) + " entries, base exists " + base.exists());
    }

    static void print(File dir, String indent) {
        File[] children = dir.listFiles();
        Arrays.sort(children);
        for (File c : children) {
            System.out.println(indent + c.getName() + (c.isDirectory() ? "/" : " (" + c.length() + " bytes)"));
            if (c.isDirectory()) {
                print(c, indent + "  ");
            }
        }
    }

    static int deleteTree(File f) {
        int n = 0;
        if (f.isDirectory()) {
            String[] children = f.list();
            Arrays.sort(children);
            for (String c : children) {
                n += deleteTree(new File(f, c));
            }
        }
        if (!f.delete()) {
            throw new IllegalStateException("cannot delete " + f);
        }
        return n + 1;
    }
}
