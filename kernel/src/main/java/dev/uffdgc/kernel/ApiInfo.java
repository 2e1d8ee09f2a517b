package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFD_FEATURE_MOVE;
import static dev.uffdgc.kernel.uapi.Userfaultfd._UFFDIO_MOVE;

import java.util.List;

/**
 * What the UFFDIO_API handshake reported: the API number, the features the kernel offers (all of them, not
 * only the ones requested) and the ioctls allowed on the fd itself. The range ioctls (COPY, MOVE, ...) are
 * reported per registered range by {@link Uffd#register}.
 */
public record ApiInfo(long api, long features, long ioctls) {

    public boolean has(long feature) {
        return (features & feature) == feature;
    }

    /** The uapi names of the offered features, in bit order; unnamed bits as "bit N". */
    public List<String> featureNames() {
        return UffdNames.names(UffdNames.FEATURES, features);
    }

    public List<String> ioctlNames() {
        return UffdNames.names(UffdNames.IOCTLS, ioctls);
    }

    /** Whether UFFDIO_MOVE (Linux 6.8+) is available, the ioctl the move-based compactor is built on. */
    public boolean supportsMove() {
        return has(UFFD_FEATURE_MOVE);
    }

    /** A readable multi-line report: the API, MOVE called out, every feature by uapi name, and the ioctls. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("userfaultfd API 0x").append(Long.toHexString(api))
                .append(", features 0x").append(Long.toHexString(features)).append('\n');
        sb.append(supportsMove()
                ? "  UFFDIO_MOVE: available (UFFD_FEATURE_MOVE); move-based compaction can run\n"
                : "  UFFDIO_MOVE: NOT available (UFFD_FEATURE_MOVE missing; needs Linux 6.8+); only the COPY backend"
                        + " can run\n");
        for (UffdNames.Bit b : UffdNames.FEATURES) {
            sb.append("  [").append((features & b.mask()) != 0 ? 'x' : ' ').append("] ").append(b.name()).append('\n');
        }
        for (String extra : UffdNames.names(List.of(), features & ~knownFeatures())) {
            sb.append("  [x] ").append(extra).append(" (not named in this module's uapi)\n");
        }
        sb.append("  fd ioctls 0x").append(Long.toHexString(ioctls)).append(": ")
                .append(String.join(" ", ioctlNames())).append('\n');
        sb.append("  range ioctls (reported by UFFDIO_REGISTER) include UFFDIO_MOVE (bit ").append(_UFFDIO_MOVE)
                .append(") when MOVE is available");
        return sb.toString();
    }

    private static long knownFeatures() {
        long known = 0;
        for (UffdNames.Bit b : UffdNames.FEATURES) {
            known |= b.mask();
        }
        return known;
    }
}
