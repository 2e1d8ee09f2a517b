import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Opens and closes files many times through every path that holds a descriptor (java.nio.file channels and
 * directory streams, FileInputStream), so a test can see that none leaks. Usage: FileDescriptors <scratch
 * directory> <rounds>
 */
public class FileDescriptors {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Path f = dir.resolve("f.txt");
        Files.writeString(f, "line\n".repeat(100));
        long total = 0;
        for (int i = 0; i < rounds; i++) {
            total += Files.readAllLines(f).size();
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
                total += ch.read(ByteBuffer.allocate(16));
            }
            try (Stream<Path> s = Files.list(dir)) {
                total += s.count();
            }
            try (FileInputStream in = new FileInputStream(f.toFile())) {
                total += in.read();
            }
            Files.writeString(dir.resolve("g.txt"), "x");
            Files.delete(dir.resolve("g.txt"));
        }
        System.out.println("total " + total);
    }
}
