package dev.uffdgc.kernel.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The active swap areas, from {@code /proc/swaps} (mm/swapfile.c swap_show). */
public final class SwapDevices {
    private static final Path FILE = Path.of("/proc/swaps");

    private SwapDevices() {
    }

    /** One line of /proc/swaps. Sizes are reported in KiB by the kernel and converted to bytes here. */
    public record Device(String filename, String type, long sizeBytes, long usedBytes, int priority) {
        public Path path() {
            return Path.of(filename);
        }
    }

    public static List<Device> active() {
        return parse(ProcFiles.read(FILE));
    }

    public static boolean anyActive() {
        return !active().isEmpty();
    }

    /** Whether {@code file} (compared by real path when it exists) is an active swap area. */
    public static boolean isActive(Path file) {
        Path wanted = realPath(file);
        for (Device d : active()) {
            if (realPath(d.path()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses the header line and the rows. The four numeric-ish columns are taken from the right because the
     * filename may carry a " (deleted)" suffix; in the name, " \t\n\\" are escaped as octal by the kernel.
     */
    public static List<Device> parse(String text) {
        List<Device> devices = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            int n = f.length;
            if (n < 5) {
                continue;
            }
            String name = unescape(String.join(" ", List.of(f).subList(0, n - 4)));
            devices.add(new Device(name, f[n - 4], Long.parseLong(f[n - 3]) * 1024, Long.parseLong(f[n - 2]) * 1024,
                    Integer.parseInt(f[n - 1])));
        }
        return List.copyOf(devices);
    }

    /** Undoes seq_file_path's escaping: "\040" is a space. */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1)) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isOctal(String s, int from) {
        for (int i = from; i < from + 3; i++) {
            if (i >= s.length() || s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
