package dev.uffdgc.kernel;

import static org.junit.jupiter.api.Assertions.*;

import dev.uffdgc.kernel.uapi.Fcntl;
import dev.uffdgc.kernel.uapi.Stat;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The file calls on raw addresses, checked against what the JDK's own file API sees of the same files. */
@Timeout(30)
class PosixFilesTest {
    private static final int ENOENT = 2;
    private static final int EEXIST = 17;
    private static final int ENOTEMPTY = 39;

    @Test
    void aFileWrittenReadStatedRenamedAndRemovedThroughRawAddresses(@TempDir Path dir) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            long file = a.allocateFrom(dir.resolve("f.txt").toString()).address();
            int fd = PosixFiles.open(file, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_EXCL, 0644);
            assertTrue(fd >= 0, "open: " + fd);
            MemorySegment data = a.allocateFrom("hello, file");
            assertEquals(11, PosixFiles.write(fd, data.address(), 11));
            assertEquals(0, PosixFiles.close(fd));
            assertEquals("hello, file", Files.readString(dir.resolve("f.txt")));
            assertEquals(-EEXIST, PosixFiles.open(file, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_EXCL, 0644));

            MemorySegment st = a.allocate(Stat.SIZEOF_STAT, 8);
            assertEquals(0, PosixFiles.stat(file, st));
            assertEquals(11, st.get(ValueLayout.JAVA_LONG, Stat.st_size));
            assertEquals(Stat.S_IFREG, st.get(ValueLayout.JAVA_INT, Stat.st_mode) & Stat.S_IFMT);
            assertEquals(Files.getAttribute(dir.resolve("f.txt"), "unix:ino"), st.get(ValueLayout.JAVA_LONG, Stat.st_ino));
            assertEquals(Files.getLastModifiedTime(dir.resolve("f.txt")).toMillis() / 1000,
                    st.get(ValueLayout.JAVA_LONG, Stat.st_mtime));

            fd = PosixFiles.open(file, Fcntl.O_RDONLY, 0);
            MemorySegment buf = a.allocate(64);
            assertEquals(4, PosixFiles.pread(fd, buf.address(), 5, 7), "the 4 bytes left from offset 7");
            assertEquals("file", buf.getString(0).substring(0, 4));
            assertEquals(11, PosixFiles.lseek(fd, 0, 2));
            assertEquals(0, PosixFiles.read(fd, buf.address(), 64), "at the end");
            assertEquals(0, PosixFiles.close(fd));

            long dirPath = a.allocateFrom(dir.toString()).address();
            assertEquals(-ENOTEMPTY, PosixFiles.rmdir(dirPath));
            long renamed = a.allocateFrom(dir.resolve("g.txt").toString()).address();
            assertEquals(0, PosixFiles.rename(file, renamed));
            assertEquals(-ENOENT, PosixFiles.stat(file, st));
            assertEquals(-ENOENT, PosixFiles.unlink(file));
            assertEquals(0, PosixFiles.unlink(renamed));
            assertFalse(Files.exists(dir.resolve("g.txt")));
        }
    }

    @Test
    void aDirectoryListsWhatTheJdkLists(@TempDir Path dir) throws IOException {
        for (String n : List.of("a", "b", "c.txt")) {
            Files.createFile(dir.resolve(n));
        }
        Files.createDirectory(dir.resolve("sub"));
        try (Arena a = Arena.ofConfined()) {
            long d = PosixFiles.opendir(a.allocateFrom(dir.toString()).address());
            assertTrue(d > 0, "opendir: " + d);
            List<String> names = new ArrayList<>();
            long e;
            while ((e = PosixFiles.readdir(d)) > 0) {
                names.add(MemorySegment.ofAddress(e + Stat.d_name).reinterpret(256).getString(0));
            }
            assertEquals(0, e, "the end of the stream, not an error");
            assertEquals(0, PosixFiles.closedir(d));
            names.removeAll(List.of(".", ".."));
            assertEquals(List.of("a", "b", "c.txt", "sub"), names.stream().sorted().toList());
            assertEquals(-ENOENT, PosixFiles.opendir(a.allocateFrom(dir.resolve("none").toString()).address()));
        }
        assertEquals("No such file or directory", PosixFiles.strerror(ENOENT));
    }
}
