package java.lang;

/**
 * toyvm guest library: stands in for the JDK's JavaLangAccess, which JDK classes loaded from jrt:/ reach
 * through SharedSecrets (EnumMap, EnumSet, streams, StringJoiner...). System installs it into
 * SharedSecrets.javaLangAccess with a VM intrinsic. It does not declare the interface (the real one has ~100
 * methods): toyvm dispatches interface calls by name and descriptor, so the methods below answer, and any
 * other method of JavaLangAccess fails with AbstractMethodError naming it.
 */
final class LangAccess {
    public <E extends Enum<E>> E[] getEnumConstantsShared(Class<E> klass) {
        return klass.getEnumConstants();
    }

    public String join(String prefix, String suffix, String delimiter, String[] elements, int size) {
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                sb.append(delimiter);
            }
            sb.append(elements[i]);
        }
        return sb.append(suffix).toString();
    }

    // The charset coders' fast paths (sun.nio.cs: UTF_8, ISO_8859_1, US_ASCII, StreamEncoder/Decoder).

    public int uncheckedCountPositives(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[offset + i] < 0) {
                return i;
            }
        }
        return length;
    }

    public int countNonZeroAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c > 0x7F) {
                return i;
            }
        }
        return s.length();
    }

    public int uncheckedDecodeASCII(byte[] src, int srcOff, char[] dst, int dstOff, int len) {
        int i = 0;
        while (i < len && src[srcOff + i] >= 0) {
            dst[dstOff + i] = (char) src[srcOff + i];
            i++;
        }
        return i;
    }

    public int uncheckedEncodeASCII(char[] src, int srcOff, byte[] dst, int dstOff, int len) {
        int i = 0;
        while (i < len && src[srcOff + i] < 0x80) {
            dst[dstOff + i] = (byte) src[srcOff + i];
            i++;
        }
        return i;
    }

    public void uncheckedInflateBytesToChars(byte[] src, int srcOff, char[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = (char) (src[srcOff + i] & 0xff);
        }
    }

    public String uncheckedNewStringNoRepl(byte[] bytes, java.nio.charset.Charset cs) {
        return new String(bytes, cs);
    }

    /** sun.nio.fs.UnixPath's path encoding: unmappable characters are an error, not replaced (as the JDK's). */
    public byte[] uncheckedGetBytesNoRepl(String s, java.nio.charset.Charset cs)
            throws java.nio.charset.CharacterCodingException {
        java.nio.ByteBuffer bb = cs.newEncoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .encode(java.nio.CharBuffer.wrap(s));
        byte[] bytes = new byte[bb.remaining()];
        bb.get(bytes);
        return bytes;
    }

    /**
     * java.util.zip's entry names and comments (ZipCoder's UTF-8 coder): malformed bytes or unpaired surrogates are
     * an IllegalArgumentException, not replaced, as the JDK's String.newStringUTF8NoRepl/getBytesUTF8NoRepl.
     */
    public String newStringUTF8NoRepl(byte[] bytes, int off, int len) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, off, len)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public byte[] getBytesUTF8NoRepl(String s) {
        try {
            return uncheckedGetBytesNoRepl(s, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public String concat(String prefix, Object value, String suffix) {
        return prefix + value + suffix;
    }

    // CarrierThreadLocal (sun.nio.fs.NativeBuffers, sun.nio.ch.Util's buffer cache): with no virtual threads the
    // carrier is the current thread, and ThreadLocal's own carrier methods do the rest.

    public <T> T getCarrierThreadLocal(jdk.internal.misc.CarrierThreadLocal<T> local) {
        return ((ThreadLocal<T>) local).getCarrierThreadLocal();
    }

    public <T> void setCarrierThreadLocal(jdk.internal.misc.CarrierThreadLocal<T> local, T value) {
        ((ThreadLocal<T>) local).setCarrierThreadLocal(value);
    }

    public void removeCarrierThreadLocal(jdk.internal.misc.CarrierThreadLocal<?> local) {
        ((ThreadLocal<?>) local).removeCarrierThreadLocal();
    }

    public void blockedOn(sun.nio.ch.Interruptible b) {
        Thread.blockedOn(b);
    }

    /** No virtual threads in toyvm: the carrier is the thread itself (LinkedTransferQueue's spin-wait asks). */
    /** A thread-per-task executor starts its threads in itself (the JDK's System's JavaLangAccess). */
    public void start(Thread thread, jdk.internal.vm.ThreadContainer container) {
        thread.start(container);
    }

    // LockSupport parks and unparks a virtual thread through these (the JDK's System's): a bound one parks its
    // own platform thread.

    public void parkVirtualThread() {
        if (Thread.currentThread() instanceof BaseVirtualThread vthread) {
            vthread.park();
        } else {
            throw new WrongThreadException();
        }
    }

    public void parkVirtualThread(long nanos) {
        if (Thread.currentThread() instanceof BaseVirtualThread vthread) {
            vthread.parkNanos(nanos);
        } else {
            throw new WrongThreadException();
        }
    }

    public void unparkVirtualThread(Thread thread) {
        if (thread instanceof BaseVirtualThread vthread) {
            vthread.unpark();
        } else {
            throw new WrongThreadException();
        }
    }

    public java.io.PrintStream initialSystemErr() {
        return System.initialErr;
    }

    public jdk.internal.vm.StackableScope headStackableScope(Thread thread) {
        return thread.headStackableScopes();
    }

    public void setHeadStackableScope(jdk.internal.vm.StackableScope scope) {
        Thread.setHeadStackableScope(scope);
    }

    public Thread currentCarrierThread() {
        return Thread.currentThread();
    }

    // BootLoader's initialiser (java.util.zip's classes load their library through it): toyvm has one
    // module, the boot loader's unnamed one (Class.getModule), and no native access to grant.

    public Module defineUnnamedModule(ClassLoader loader) {
        return Object.class.getModule();
    }

    // Modules defined at run time (java.lang.reflect.Proxy's dynamic modules), as the JDK's System does it: the
    // JDK's own Module objects; the VM keeps no module graph (its natives are no-ops), so nothing is checked.

    public Module defineModule(ClassLoader loader, java.lang.module.ModuleDescriptor descriptor, java.net.URI uri) {
        return new Module(null, loader, descriptor, uri);
    }

    public void addReads(Module m1, Module m2) {
        m1.implAddReads(m2);
    }

    public void addExports(Module m, String pn) {
        m.implAddExports(pn);
    }

    public void addExports(Module m, String pn, Module other) {
        m.implAddExports(pn, other);
    }

    public void addOpens(Module m, String pn, Module other) {
        m.implAddOpens(pn, other);
    }

    /** ClassLoader.defineClass1's job, in toyvm's one loader (java.lang.reflect.Proxy defines its classes here). */
    public Class<?> defineClass(ClassLoader loader, String name, byte[] b, java.security.ProtectionDomain pd,
            String source) {
        return defineClass0(name.replace('.', '/'), b);
    }

    private static native Class<?> defineClass0(String internalName, byte[] bytes);

    public Module addEnableNativeAccess(Module m) {
        return m;
    }

    // The JDK's annotation machinery (sun.reflect.annotation, java.lang.reflect's members), as the JDK's System
    // answers it: from Class (Gson and picocli met an AbstractMethodError at getConstantPool before).

    public jdk.internal.reflect.ConstantPool getConstantPool(Class<?> klass) {
        return klass.getConstantPool();
    }

    public boolean casAnnotationType(Class<?> klass, sun.reflect.annotation.AnnotationType oldType,
            sun.reflect.annotation.AnnotationType newType) {
        return klass.casAnnotationType(oldType, newType);
    }

    public sun.reflect.annotation.AnnotationType getAnnotationType(Class<?> klass) {
        return klass.getAnnotationType();
    }

    public java.util.Map<Class<? extends java.lang.annotation.Annotation>, java.lang.annotation.Annotation>
            getDeclaredAnnotationMap(Class<?> klass) {
        return klass.getDeclaredAnnotationMap();
    }

    public byte[] getRawClassAnnotations(Class<?> klass) {
        return klass.getRawAnnotations();
    }

    public byte[] getRawClassTypeAnnotations(Class<?> klass) {
        return klass.getRawTypeAnnotations();
    }

    public byte[] getRawExecutableTypeAnnotations(java.lang.reflect.Executable executable) {
        return Class.getExecutableTypeAnnotationBytes(executable);
    }

    /**
     * The layers with modules defined to a loader: ServiceLoader asks for those of a loader other than the JDK's
     * platform loader (toyvm's platform loader, ServiceLoader.loadInstalled: the CLDR locale data). toyvm defines
     * no layers of its own, so the JDK's answer (ModuleLayer.layers, from its per-loader list) is empty.
     */
    public java.util.stream.Stream<ModuleLayer> layers(ClassLoader loader) {
        return java.util.stream.Stream.empty();
    }

    /** ClassLoaderValue's per-loader map (jdk.internal.loader.ClassLoaders' initialiser, ServicesCatalog). */
    public java.util.concurrent.ConcurrentHashMap<?, ?> createOrGetClassLoaderValueMap(ClassLoader cl) {
        return cl.createOrGetClassLoaderValueMap();
    }
}
