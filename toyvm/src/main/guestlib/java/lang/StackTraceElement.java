package java.lang;

/** toyvm guest library: one frame of a stack trace. */
public final class StackTraceElement implements java.io.Serializable {
    private final String declaringClass;
    private final String methodName;
    private final String fileName;
    private final int lineNumber;

    public StackTraceElement(String declaringClass, String methodName, String fileName, int lineNumber) {
        this.declaringClass = declaringClass;
        this.methodName = methodName;
        this.fileName = fileName;
        this.lineNumber = lineNumber;
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

    public String toString() {
        String where;
        if (lineNumber == -2) {
            where = "Native Method";
        } else if (fileName == null) {
            where = "Unknown Source";
        } else if (lineNumber >= 0) {
            where = fileName + ":" + lineNumber;
        } else {
            where = fileName;
        }
        return declaringClass + "." + methodName + "(" + where + ")";
    }

    public boolean equals(Object obj) {
        if (!(obj instanceof StackTraceElement e)) {
            return false;
        }
        return e.declaringClass.equals(declaringClass) && e.lineNumber == lineNumber
                && java.util.Objects.equals(methodName, e.methodName) && java.util.Objects.equals(fileName, e.fileName);
    }

    public int hashCode() {
        return 31 * declaringClass.hashCode() + methodName.hashCode() + lineNumber;
    }
}
