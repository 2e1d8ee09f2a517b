package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.thread.VmThread;
import java.io.File;
import java.io.IOException;

/**
 * java.io.UnixFileSystem's natives, the metadata half of java.io.File (exists, length, isDirectory, list,
 * mkdir, delete, rename, canonical paths, createNewFile...). Each is the host's java.io.File method that runs the
 * same native: the host is the same JDK 25 class library on the same kernel, so results, listing order and
 * IOException messages are HotSpot's by construction. The guest's UnixFileSystem has already resolved the path
 * (against the same user.dir) and mapped it for system calls; the host File is only a carrier for it.
 */
final class IoFileNatives {
    private static final String FS = "java/io/UnixFileSystem";
    private static final String FILE = "Ljava/io/File;";
    // java.io.FileSystem's BA_* and ACCESS_* constants.
    private static final int BA_EXISTS = 0x01;
    private static final int BA_REGULAR = 0x02;
    private static final int BA_DIRECTORY = 0x04;
    private static final int ACCESS_READ = 0x04;
    private static final int ACCESS_WRITE = 0x02;

    private IoFileNatives() {
    }

    static void register(Vm vm, Intrinsics r) {
        r.add(FS, "initIDs()V", (t, b) -> { });
        r.add(FS, "canonicalize0(Ljava/lang/String;)Ljava/lang/String;", (t, b) -> {
            String canonical;
            try {
                canonical = new File(vm.strings.toHost(t.refs[b + 1])).getCanonicalPath();
            } catch (IOException e) {
                throw vm.throwing.raise(t, "java/io/IOException", e.getMessage());
            }
            t.refs[b] = vm.strings.newString(t, canonical);
        });
        r.add(FS, "getBooleanAttributes0(" + FILE + ")I", (t, b) -> {
            File f = file(vm, t, b + 1);
            t.prims[b] = !f.exists() ? 0 : BA_EXISTS | (f.isFile() ? BA_REGULAR : 0) | (f.isDirectory() ? BA_DIRECTORY : 0);
        });
        r.add(FS, "checkAccess0(" + FILE + "I)Z", (t, b) -> {
            File f = file(vm, t, b + 1);
            int access = (int) t.prims[b + 2];
            t.prims[b] = bool(access == ACCESS_READ ? f.canRead() : access == ACCESS_WRITE ? f.canWrite() : f.canExecute());
        });
        r.add(FS, "getLastModifiedTime0(" + FILE + ")J", (t, b) -> t.prims[b] = file(vm, t, b + 1).lastModified());
        r.add(FS, "getLength0(" + FILE + ")J", (t, b) -> t.prims[b] = file(vm, t, b + 1).length());
        r.add(FS, "setPermission0(" + FILE + "IZZ)Z", (t, b) -> {
            File f = file(vm, t, b + 1);
            int access = (int) t.prims[b + 2];
            boolean enable = t.prims[b + 3] != 0;
            boolean ownerOnly = t.prims[b + 4] != 0;
            t.prims[b] = bool(access == ACCESS_READ ? f.setReadable(enable, ownerOnly)
                    : access == ACCESS_WRITE ? f.setWritable(enable, ownerOnly) : f.setExecutable(enable, ownerOnly));
        });
        r.add(FS, "createFileExclusively0(Ljava/lang/String;)Z", (t, b) -> {
            boolean created;
            try {
                created = new File(vm.strings.toHost(t.refs[b + 1])).createNewFile();
            } catch (IOException e) {
                throw vm.throwing.raise(t, "java/io/IOException", e.getMessage());
            }
            t.prims[b] = bool(created);
        });
        r.add(FS, "delete0(" + FILE + ")Z", (t, b) -> t.prims[b] = bool(file(vm, t, b + 1).delete()));
        r.add(FS, "list0(" + FILE + ")[Ljava/lang/String;", (t, b) -> {
            String[] names = file(vm, t, b + 1).list();
            t.refs[b] = names == null ? 0 : vm.strings.newStringArray(t, names);
        });
        r.add(FS, "createDirectory0(" + FILE + ")Z", (t, b) -> t.prims[b] = bool(file(vm, t, b + 1).mkdir()));
        r.add(FS, "rename0(" + FILE + FILE + ")Z", (t, b) -> t.prims[b] = bool(file(vm, t, b + 1).renameTo(file(vm, t, b + 2))));
        r.add(FS, "setLastModifiedTime0(" + FILE + "J)Z",
                (t, b) -> t.prims[b] = bool(file(vm, t, b + 1).setLastModified(t.prims[b + 2])));
        r.add(FS, "setReadOnly0(" + FILE + ")Z", (t, b) -> t.prims[b] = bool(file(vm, t, b + 1).setReadOnly()));
        r.add(FS, "getSpace0(" + FILE + "I)J", (t, b) -> {
            File f = file(vm, t, b + 1);
            // java.io.FileSystem's SPACE_TOTAL 0, SPACE_FREE 1, SPACE_USABLE 2.
            t.prims[b] = switch ((int) t.prims[b + 2]) {
                case 0 -> f.getTotalSpace();
                case 1 -> f.getFreeSpace();
                default -> f.getUsableSpace();
            };
        });
        // As the JDK's C code: pathconf(path, _PC_NAME_MAX), NAME_MAX (255) when that fails.
        r.add(FS, "getNameMax0(Ljava/lang/String;)J", (t, b) -> {
            long max = dev.uffdgc.kernel.PosixFiles.pathconf(vm.strings.toHost(t.refs[b + 1]), 3);
            t.prims[b] = max < 0 ? 255 : max;
        });
    }

    private static long bool(boolean v) {
        return v ? 1 : 0;
    }

    /** The host File for the guest java.io.File in slot {@code slot}: its {@code path} field. */
    private static File file(Vm vm, VmThread t, int slot) {
        int f = t.refs[slot];
        if (f == 0) {
            throw vm.throwing.raise(t, "java/lang/NullPointerException", null);
        }
        int path = vm.mem.getInt(ObjectLayout.offset(f) + vm.classes.load("java/io/File").findField("path").offset);
        return new File(vm.strings.toHost(path));
    }
}
