package dev.uffdgc.kernel.uapi;

/**
 * {@code struct stat} for x86_64 ({@code arch/x86/include/uapi/asm/stat.h}, the layout glibc's {@code stat(2)}
 * family fills there): field offsets named as the fields, and the {@code S_IF*} file types of
 * {@code uapi/linux/stat.h}. Also {@code struct dirent}'s offsets as glibc's x86_64 {@code readdir(3)} returns it.
 */
public final class Stat {
    private Stat() {
    }

    public static final long SIZEOF_STAT = 144;
    public static final long st_dev = 0;
    public static final long st_ino = 8;
    public static final long st_nlink = 16;
    public static final long st_mode = 24;
    public static final long st_uid = 28;
    public static final long st_gid = 32;
    public static final long st_rdev = 40;
    public static final long st_size = 48;
    public static final long st_blksize = 56;
    public static final long st_blocks = 64;
    public static final long st_atime = 72;
    public static final long st_atime_nsec = 80;
    public static final long st_mtime = 88;
    public static final long st_mtime_nsec = 96;
    public static final long st_ctime = 104;
    public static final long st_ctime_nsec = 112;

    public static final int S_IFMT = 0170000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFCHR = 0020000;
    public static final int S_IFIFO = 0010000;
    public static final int S_IFSOCK = 0140000;

    /** glibc's x86_64 {@code struct statvfs} ({@code statvfs(3)}): the fields the JDK reads. */
    public static final long SIZEOF_STATVFS = 112;
    public static final long f_frsize = 8;
    public static final long f_blocks = 16;
    public static final long f_bfree = 24;
    public static final long f_bavail = 32;

    /** {@code struct dirent}: {@code d_ino} 0, {@code d_off} 8, {@code d_reclen} 16, {@code d_type} 18, {@code d_name} 19. */
    public static final long d_name = 19;
}
