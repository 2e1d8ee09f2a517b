package dev.uffdgc.toyvm.classfile;

/**
 * A class could not be found, parsed or linked. The VM turns it into the matching guest error
 * (NoClassDefFoundError, ClassFormatError, NoSuchFieldError, NoSuchMethodError...) named by {@link #guestClass}.
 */
public final class LinkageException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final String guestClass;

    public LinkageException(String guestClass, String message) {
        super(message);
        this.guestClass = guestClass;
    }

    public LinkageException(String guestClass, String message, Throwable cause) {
        super(message, cause);
        this.guestClass = guestClass;
    }
}
