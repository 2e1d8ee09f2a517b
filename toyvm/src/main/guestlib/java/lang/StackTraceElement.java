package java.lang;

/** toyvm guest library: one frame of a stack trace. */
public final class StackTraceElement implements java.io.Serializable {
    /** The JDK's, so that serialized instances are compatible with HotSpot's (default: a hash of this class's shape). */
    private static final long serialVersionUID = 6992337162326171013L;
    private final String classLoaderName;
    private final String moduleName;
    private final String moduleVersion;
    private final String declaringClass;
    private final String methodName;
    private final String fileName;
    private final int lineNumber;

    public StackTraceElement(String declaringClass, String methodName, String fileName, int lineNumber) {
        this(null, null, null, declaringClass, methodName, fileName, lineNumber);
    }

    /** As the JDK's. The VM makes frames with the 4-argument form: toyvm has no class loader or module names. */
    public StackTraceElement(String classLoaderName, String moduleName, String moduleVersion, String declaringClass,
            String methodName, String fileName, int lineNumber) {
        this.classLoaderName = classLoaderName;
        this.moduleName = moduleName;
        this.moduleVersion = moduleVersion;
        this.declaringClass = java.util.Objects.requireNonNull(declaringClass, "Declaring class is null");
        this.methodName = java.util.Objects.requireNonNull(methodName, "Method name is null");
        this.fileName = fileName;
        this.lineNumber = lineNumber;
    }

    /**
     * A StackWalker frame's element (the JDK's package-private factory, which StackFrameInfo.toStackTraceElement
     * calls): as a Throwable's frames, without class loader or module names; the VM reads the file and the line
     * of the frame's bci (HotSpot's initStackTraceElement).
     */
    static StackTraceElement of(StackFrameInfo frame) {
        return new StackTraceElement(frame.getClassName(), frame.getMethodName(), fileName(frame),
                frame.isNativeMethod() ? -2 : lineNumber(frame));
    }

    /** The SourceFile of the frame's class, or null. */
    private static native String fileName(StackFrameInfo frame);

    /** The source line of the frame's bci, or -1 without a line table. */
    private static native int lineNumber(StackFrameInfo frame);

    public String getClassLoaderName() {
        return classLoaderName;
    }

    public String getModuleName() {
        return moduleName;
    }

    public String getModuleVersion() {
        return moduleVersion;
    }

    public String getClassName() {
        return declaringClass;
    }

    public String getMethodName() {
        return methodName;
    }

    public String getFileName() {
        return fileName;
    }

    public int getLineNumber() {
        return lineNumber;
    }

    public boolean isNativeMethod() {
        return lineNumber == -2;
    }

    /**
     * The JDK's format. String concatenation (done by the VM) rather than the JDK's StringBuilder: this runs on
     * the first uncaught exception, where a StringBuilder's first use cost ~0.1 s more with -Xcomp.
     */
    public String toString() {
        String prefix = classLoaderName != null && !classLoaderName.isEmpty() ? classLoaderName + "/" : "";
        if (moduleName != null && !moduleName.isEmpty()) {
            prefix += moduleVersion != null && !moduleVersion.isEmpty() ? moduleName + "@" + moduleVersion : moduleName;
        }
        if (!prefix.isEmpty()) {
            prefix += "/";
        }
        String where;
        if (isNativeMethod()) {
            where = "Native Method";
        } else if (fileName == null) {
            where = "Unknown Source";
        } else {
            where = lineNumber >= 0 ? fileName + ":" + lineNumber : fileName;
        }
        return prefix + declaringClass + "." + methodName + "(" + where + ")";
    }

    public boolean equals(Object obj) {
        return obj instanceof StackTraceElement e && e.lineNumber == lineNumber
                && e.declaringClass.equals(declaringClass)
                && java.util.Objects.equals(classLoaderName, e.classLoaderName)
                && java.util.Objects.equals(moduleName, e.moduleName)
                && java.util.Objects.equals(moduleVersion, e.moduleVersion)
                && java.util.Objects.equals(methodName, e.methodName) && java.util.Objects.equals(fileName, e.fileName);
    }

    /** The JDK's formula, so an element a program makes hashes as on HotSpot. */
    public int hashCode() {
        int result = 31 * declaringClass.hashCode() + methodName.hashCode();
        result = 31 * result + java.util.Objects.hashCode(classLoaderName);
        result = 31 * result + java.util.Objects.hashCode(moduleName);
        result = 31 * result + java.util.Objects.hashCode(moduleVersion);
        result = 31 * result + java.util.Objects.hashCode(fileName);
        return 31 * result + lineNumber;
    }
}
