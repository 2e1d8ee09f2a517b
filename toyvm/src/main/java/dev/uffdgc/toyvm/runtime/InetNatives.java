package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.thread.VmThread;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The host-name natives of libnet behind the JDK's own InetAddress: the local host's name and the addresses of a
 * name, so that {@code InetAddress.getLocalHost()} and {@code getByName} run (RuntimeMXBean.getName, "pid@host",
 * is built on them). toyvm reports an IPv4-only stack (InetAddress.isIPv6Supported false: the JDK then takes its
 * Inet4AddressImpl and an IPv4 lookup policy). Sockets are not supplied: their natives fail naming themselves.
 */
final class InetNatives {
    private InetNatives() {
    }

    static void register(Vm vm, Intrinsics r) {
        // The C inits cache JNI field ids; toyvm reaches fields by name.
        r.add("java/net/InetAddress", "init()V", (t, b) -> { });
        r.add("java/net/Inet4Address", "init()V", (t, b) -> { });
        r.add("java/net/InetAddress", "isIPv4Available()Z", (t, b) -> t.prims[b] = 1);
        r.add("java/net/InetAddress", "isIPv6Supported()Z", (t, b) -> t.prims[b] = 0);
        String impl = "java/net/Inet4AddressImpl";
        r.add(impl, "getLocalHostName()Ljava/lang/String;", (t, b) -> t.refs[b] = vm.strings.newString(t, hostName()));
        r.add(impl, "lookupAllHostAddr(Ljava/lang/String;)[Ljava/net/InetAddress;", (t, b) -> {
            String name = vm.strings.toHost(t.refs[b + 1]);
            byte[][] addresses;
            vm.safepoints.block(t); // a name-service lookup may wait on the network: a pause must not wait for it
            try {
                addresses = Arrays.stream(InetAddress.getAllByName(name)).filter(a -> a instanceof Inet4Address)
                        .map(InetAddress::getAddress).toArray(byte[][]::new);
            } catch (UnknownHostException e) {
                addresses = null;
            } finally {
                vm.safepoints.unblock(t);
            }
            if (addresses == null || addresses.length == 0) {
                // The C code's message (NET_ThrowUnknownHostExceptionWithGaiError, EAI_NONAME).
                throw vm.throwing.raise(t, "java/net/UnknownHostException", name + ": Name or service not known");
            }
            t.refs[b] = inet4Addresses(vm, t, name, addresses);
        });
    }

    /** gethostname(2): on Linux the kernel's node name, which /proc/sys/kernel/hostname shows. */
    private static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** A guest InetAddress[] of new Inet4Address(name, address) each. May collect. */
    private static int inet4Addresses(Vm vm, VmThread t, String name, byte[][] addresses) {
        VmClass c = vm.classes.load("java/net/Inet4Address");
        vm.init.initialize(t, c);
        int mark = t.handleTop;
        int arr = t.pushHandle(vm.alloc.array(t, vm.classes.load("[Ljava/net/InetAddress;"), addresses.length));
        for (int i = 0; i < addresses.length; i++) {
            int base = t.sp;
            int obj = t.pushHandle(vm.alloc.instance(t, c));
            t.pushRef(t.handle(obj));
            t.pushRef(vm.strings.newString(t, name));
            t.pushRef(TextNatives.byteArray(vm, t, addresses[i]));
            vm.interp.call(t, c.methods.get("<init>(Ljava/lang/String;[B)V"));
            t.sp = base;
            vm.mem.putInt(ObjectLayout.offset(t.handle(arr)) + ObjectLayout.ARRAY_BASE_OFFSET + 4L * i, t.handle(obj));
        }
        int result = t.handle(arr);
        t.popHandles(mark);
        return result;
    }
}
