import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A project scaffolder and cleaner with java.nio.file: makes a directory tree in a fresh temporary directory
 * under the directory it is given, fills it (write, writeString, newBufferedWriter, append), walks and lists it,
 * copies and moves files, checks the failures a tool must handle, then deletes everything, deepest first.
 * Usage: TempTree <scratch directory>
 */
public class TempTree {
    public static void main(String[] args) throws IOException {
        Path root = Files.createTempDirectory(Path.of(args[0]), "scaffold-");
        System.out.println("temp dir created: " + Files.isDirectory(root) + ", name starts with scaffold-: "
                + root.getFileName().toString().startsWith("scaffold-"));
        Path src = Files.createDirectories(root.resolve("app/src/main/java/com/example"));
        Files.createDirectories(root.resolve("app/src/test/java"));
        Files.createDirectories(src);
        Files.writeString(src.resolve("Main.java"), "package com.example;\n\npublic class Main {\n}\n");
        Files.write(root.resolve("app/settings.txt"), List.of("name=demo", "version=1.0", "debug=false"));
        try (BufferedWriter w = Files.newBufferedWriter(root.resolve("app/data.csv"))) {
            w.write("id,square\n");
            for (int i = 1; i <= 500; i++) {
                w.write(i + "," + (i * i) + "\n");
            }
        }
        Files.writeString(root.resolve("app/settings.txt"), "extra=yes\n", StandardOpenOption.APPEND);
        Path temp = Files.createTempFile(root.resolve("app"), "build-", ".log");
        Files.writeString(temp, "ok\n");
        System.out.println("temp file: " + temp.getFileName().toString().matches("build-\\d+\\.log"));

        try (Stream<Path> all = Files.walk(root)) {
            all.filter(p -> !p.equals(temp)).sorted().forEach(p -> System.out.println(describe(root, p)));
        }
        try (Stream<Path> files = Files.list(root.resolve("app"))) {
            System.out.println("app/ holds " + files.count() + " entries");
        }
        try (Stream<String> lines = Files.lines(root.resolve("app/data.csv"))) {
            System.out.println("squares ending in 25: " + lines.skip(1).filter(l -> l.endsWith("25")).count());
        }
        System.out.println("settings: " + Files.readAllLines(root.resolve("app/settings.txt")));

        Path backup = Files.copy(root.resolve("app/settings.txt"), root.resolve("app/settings.bak"));
        System.out.println("copy is equal: " + (Files.mismatch(backup, root.resolve("app/settings.txt")) == -1));
        Path moved = Files.move(backup, root.resolve("app/src/settings.old"));
        System.out.println("moved: " + Files.exists(moved) + ", old name gone: " + Files.notExists(backup));
        Files.copy(root.resolve("app/data.csv"), moved, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("replaced, size " + Files.size(moved));

        expectFailure(root, () -> Files.createDirectory(root.resolve("app")));
        expectFailure(root, () -> Files.delete(root.resolve("app/src")));
        expectFailure(root, () -> Files.readString(root.resolve("app/missing.txt")));
        expectFailure(root, () -> Files.copy(root.resolve("app/data.csv"), moved));
        expectFailure(root, () -> Files.size(root.resolve("nowhere/file")));
        System.out.println("deleteIfExists on a missing file: " + Files.deleteIfExists(root.resolve("app/missing.txt")));

        int deleted = 0;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
                deleted++;
            }
        }
        System.out.println("deleted " + deleted + " entries, root exists: " + Files.exists(root));
    }

    static String describe(Path root, Path p) {
        String rel = root.relativize(p).toString();
        try {
            return (rel.isEmpty() ? "." : rel) + (Files.isDirectory(p) ? "/" : " " + Files.size(p) + " bytes"
                    + (Files.isRegularFile(p) ? "" : " (not regular)"));
        } catch (IOException e) {
            return rel + " " + e;
        }
    }

    interface Io {
        void run() throws IOException;
    }

    static void expectFailure(Path root, Io io) {
        try {
            io.run();
            System.out.println("no failure?");
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException | NoSuchFileException e) {
            System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage().replace(root.toString(), "<root>"));
        } catch (IOException e) {
            System.out.println("other " + e);
        }
    }
}
