package dev.uffdgc.toyvm.runtime;

import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_LENGTH_OFFSET;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.heap.Barrier;
import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.interp.Code;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.classfile.Attributes;
import java.lang.classfile.FieldModel;
import java.lang.classfile.constantpool.IntegerEntry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * java.lang.StackWalker's natives, answered as HotSpot's stackwalk.cpp answers them, so that the JDK's own
 * StackStreamFactory runs (and with it System.Logger's console output, which walks the stack for its caller).
 * callStackWalk fills the first batch of the Java side's frame buffer, from the frame below the walker's own,
 * and calls back AbstractStackWalker.doStackWalk with an anchor; fetchStackFrames fills the next batches while
 * that call runs. A frame is a ClassFrameInfo (its class's mirror: getCallerClass, DROP_METHOD_INFO) or a
 * StackFrameInfo (an interned ResolvedMethodName and the bci). Frames are toyvm's frame arrays
 * (VmThread.frameMethodIds/framePcs), which both tiers keep, so interpreted and compiled frames walk alike.
 * Not supported, each named when met: LiveStackFrame's locals and operands, walking a Continuation (toyvm has none).
 */
final class StackWalkNatives {
    // StackStreamFactory's mode bits: checkStackWalkModes checks the class's constants against these.
    private static final int DEFAULT_MODE = 0x0;
    private static final int CLASS_INFO_ONLY = 0x2;
    private static final int SHOW_HIDDEN_FRAMES = 0x20;
    private static final int FILL_LIVE_STACK_FRAMES = 0x100;
    // MethodHandleNatives.Constants: the MemberName flags a ClassFrameInfo carries (HotSpot's get_flags).
    private static final int MN_IS_METHOD = 0x00010000;
    private static final int MN_IS_CONSTRUCTOR = 0x00020000;
    private static final int MN_CALLER_SENSITIVE = 0x00100000;
    private static final int MN_HIDDEN_MEMBER = 0x00400000;
    /** JVM_RECOGNIZED_METHOD_MODIFIERS: the access flags HotSpot copies into a frame's flags. */
    private static final int METHOD_MODIFIERS = 0x1DFF;

    private final Vm vm;
    /** The walks in progress (each for the extent of its callStackWalk), by anchor. */
    private final Map<Long, Walk> walks = new ConcurrentHashMap<>();
    private final AtomicLong anchors = new AtomicLong();
    /** One ResolvedMethodName per method, as HotSpot's ResolvedMethodTable interns them: global handles. */
    private final Map<VmMethod, Integer> resolvedNames = new ConcurrentHashMap<>();
    private volatile Layout layout;

    /** A walk's thread and the depth of the next frame to decode (0: the bottom was reached). */
    private static final class Walk {
        final VmThread thread;
        int next;

        Walk(VmThread thread, int next) {
            this.thread = thread;
            this.next = next;
        }
    }

    /** The classes and field offsets the walk touches, looked up on the first walk. */
    private record Layout(VmClass stackWalker, VmClass abstractWalker, VmMethod doStackWalk, VmClass resolvedName,
            int vmholder, int classOrMemberName, int flags, int bci, int name, int type) {
        static Layout of(Vm vm) {
            VmClass asw = vm.classes.load("java/lang/StackStreamFactory$AbstractStackWalker");
            VmClass cfi = vm.classes.load("java/lang/ClassFrameInfo");
            VmClass sfi = vm.classes.load("java/lang/StackFrameInfo");
            VmClass rmn = vm.classes.load("java/lang/invoke/ResolvedMethodName");
            return new Layout(vm.classes.load("java/lang/StackWalker"), asw,
                    asw.methods.get("doStackWalk(JIIII)Ljava/lang/Object;"), rmn, rmn.findField("vmholder").offset,
                    cfi.findField("classOrMemberName").offset, cfi.findField("flags").offset,
                    sfi.findField("bci").offset, sfi.findField("name").offset, sfi.findField("type").offset);
        }
    }

    private StackWalkNatives(Vm vm) {
        this.vm = vm;
    }

    static void register(Vm vm, Intrinsics r) {
        StackWalkNatives n = new StackWalkNatives(vm);
        r.add("java/lang/StackStreamFactory", "checkStackWalkModes()Z", (t, b) -> t.prims[b] = n.modesMatch() ? 1 : 0);
        String asw = "java/lang/StackStreamFactory$AbstractStackWalker";
        r.add(asw, "callStackWalk(IILjdk/internal/vm/ContinuationScope;Ljdk/internal/vm/Continuation;II[Ljava/lang/Object;)"
                + "Ljava/lang/Object;", n::callStackWalk);
        r.add(asw, "fetchStackFrames(IJIII[Ljava/lang/Object;)I", n::fetchStackFrames);
        r.add("java/lang/StackFrameInfo", "expandStackFrameInfo()V", n::expandStackFrameInfo);
        r.add("java/lang/StackTraceElement", "fileName(Ljava/lang/StackFrameInfo;)Ljava/lang/String;", (t, b) -> {
            String f = n.methodOf(t, t.refs[b]).owner.sourceFile;
            t.refs[b] = f == null ? 0 : vm.strings.intern(t, f);
        });
        r.add("java/lang/StackTraceElement", "lineNumber(Ljava/lang/StackFrameInfo;)I", (t, b) -> {
            Code c = n.methodOf(t, t.refs[b]).code;
            int bci = vm.mem.getInt(ObjectLayout.offset(t.refs[b]) + n.layout().bci);
            t.prims[b] = c == null ? -1 : c.lineAtBci(bci);
        });
    }

    /** HotSpot answers whether the class's mode constants are the VM's; so does toyvm, from the class file. */
    private boolean modesMatch() {
        VmClass f = vm.classes.load("java/lang/StackStreamFactory");
        Map<String, Integer> expected = Map.of("DEFAULT_MODE", DEFAULT_MODE, "CLASS_INFO_ONLY", CLASS_INFO_ONLY,
                "SHOW_HIDDEN_FRAMES", SHOW_HIDDEN_FRAMES, "FILL_LIVE_STACK_FRAMES", FILL_LIVE_STACK_FRAMES);
        int matched = 0;
        synchronized (VmClass.MODEL_LOCK) { // the class file models are not thread-safe (see VmMethod.isHidden)
            for (FieldModel fm : f.model.fields()) {
                Integer want = expected.get(fm.fieldName().stringValue());
                if (want != null) {
                    var value = fm.findAttribute(Attributes.constantValue()).map(a -> a.constant()).orElse(null);
                    if (!(value instanceof IntegerEntry i) || i.intValue() != want) {
                        return false;
                    }
                    matched++;
                }
            }
        }
        return matched == expected.size();
    }

    private Layout layout() {
        Layout l = layout;
        if (l == null) {
            layout = l = Layout.of(vm);
        }
        return l;
    }

    /**
     * callStackWalk(mode, skipFrames, contScope, continuation, bufferSize, startIndex, frames): HotSpot's
     * StackWalk::walk and fetchFirstBatch. The native has no frame of its own in toyvm: the top frame is its caller.
     */
    private void callStackWalk(VmThread t, int b) {
        int mode = (int) t.prims[b + 1];
        int skip = (int) t.prims[b + 2];
        int bufferSize = (int) t.prims[b + 5];
        int start = (int) t.prims[b + 6];
        t.sp = b + 8;
        checkFrames(t, b + 7);
        if ((mode & FILL_LIVE_STACK_FRAMES) != 0) {
            throw vm.throwing.raise(t, "java/lang/UnsupportedOperationException",
                    "toyvm: LiveStackFrame (the locals, operands and monitors of frames) is not supported");
        }
        if (t.refs[b + 4] != 0) {
            throw vm.throwing.raise(t, "java/lang/UnsupportedOperationException",
                    "toyvm: walking a Continuation (toyvm has no continuations)");
        }
        Layout l = layout();
        Walk w = new Walk(t, t.depth);
        // Past the walker's own frames: StackWalker's, AbstractStackWalker's and its direct subclasses'.
        while (w.next > 0) {
            VmClass holder = vm.classes.method(t.frameMethodIds[w.next]).owner;
            if (holder != l.stackWalker && holder != l.abstractWalker && holder.superclass != l.abstractWalker) {
                break;
            }
            w.next--;
        }
        for (int n = 0; n < skip && w.next > 0; n++) {
            w.next--;
        }
        int end = fill(t, w, mode, bufferSize, start, b + 7);
        long anchor = anchors.incrementAndGet();
        walks.put(anchor, w);
        try {
            t.sp = b + 8;
            t.pushRef(t.refs[b]);
            t.pushLong(anchor);
            t.pushInt(skip);
            t.pushInt(end - start);
            t.pushInt(start);
            t.pushInt(end);
            vm.interp.call(t, l.doStackWalk);
            t.refs[b] = t.refs[b + 8];
        } finally {
            walks.remove(anchor); // the anchor is invalid once the walk returns, as HotSpot's stream is
        }
    }

    /** fetchStackFrames(mode, anchor, lastBatchFrameCount, bufferSize, startIndex, frames): the next batch's count. */
    private void fetchStackFrames(VmThread t, int b) {
        int mode = (int) t.prims[b + 1];
        Walk w = walks.get(t.prims[b + 2]);
        int bufferSize = (int) t.prims[b + 5];
        int start = (int) t.prims[b + 6];
        t.sp = b + 8;
        if (w == null || w.thread != t) {
            throw vm.throwing.raise(t, "java/lang/InternalError", "doStackWalk: corrupted buffers");
        }
        checkFrames(t, b + 7);
        t.prims[b] = bufferSize <= start ? 0 : fill(t, w, mode, bufferSize, start, b + 7) - start;
    }

    private void checkFrames(VmThread t, int slot) {
        if (t.refs[slot] == 0) {
            throw vm.throwing.raise(t, "java/lang/NullPointerException", "frames_array is null");
        }
    }

    /**
     * Fills frames[start, bufferSize) from the walk's next frame down, leaving out @Hidden methods unless the mode
     * shows them (HotSpot's fill_in_frames); returns the index past the last frame filled. A batch that is not full
     * tells the Java side that the bottom was reached.
     */
    private int fill(VmThread t, Walk w, int mode, int bufferSize, int start, int framesSlot) {
        int length = vm.mem.getInt(ObjectLayout.offset(t.refs[framesSlot]) + ARRAY_LENGTH_OFFSET);
        int limit = Math.min(bufferSize, length);
        int end = start;
        while (w.next > 0 && end < limit) {
            int d = w.next--;
            VmMethod m = vm.classes.method(t.frameMethodIds[d]);
            if ((mode & SHOW_HIDDEN_FRAMES) == 0 && m.isHidden()) {
                continue;
            }
            fillFrame(t, m, d, mode, framesSlot, end++);
        }
        return end;
    }

    /** HotSpot's ClassFrameInfo::init_class (class only) or init_method and the bci (StackFrameInfo). */
    private void fillFrame(VmThread t, VmMethod m, int depth, int mode, int framesSlot, int index) {
        Layout l = layout();
        boolean classOnly = (mode & CLASS_INFO_ONLY) != 0;
        int ref = classOnly ? vm.mirrors.mirror(t, m.owner) : resolvedName(t, m);
        int frame = vm.mem.getInt(ObjectLayout.offset(t.refs[framesSlot]) + ARRAY_BASE_OFFSET + 4L * index);
        if (frame == 0) {
            throw vm.throwing.raise(t, "java/lang/NullPointerException", "stack walk: no frame object at " + index);
        }
        long o = ObjectLayout.offset(frame);
        Barrier.putRef(vm.mem, o + l.classOrMemberName, ref);
        vm.mem.putInt(o + l.flags, vm.mem.getInt(o + l.flags) | flags(m));
        if (!classOnly) {
            Code c = m.code;
            vm.mem.putInt(o + l.bci, c == null ? -1 : c.bciAt(t.framePcs[depth]));
        }
    }

    private static int flags(VmMethod m) {
        int f = (m.accessFlags & METHOD_MODIFIERS) | (m.isConstructor() ? MN_IS_CONSTRUCTOR : MN_IS_METHOD);
        if (m.isCallerSensitive()) {
            f |= MN_CALLER_SENSITIVE;
        }
        if (m.isHidden()) {
            f |= MN_HIDDEN_MEMBER;
        }
        return f;
    }

    /** The method's ResolvedMethodName (vmholder: its class's mirror), made on first use and kept for good. */
    private int resolvedName(VmThread t, VmMethod m) {
        Integer h = resolvedNames.get(m);
        if (h == null) {
            Layout l = layout();
            int mirror = vm.mirrors.mirrorHandle(t, m.owner);
            vm.init.initialize(t, l.resolvedName);
            int obj = vm.alloc.instance(t, l.resolvedName);
            Barrier.putRef(vm.mem, ObjectLayout.offset(obj) + l.vmholder, vm.globals.get(mirror));
            synchronized (resolvedNames) {
                // One per method even when threads race: the loser's object becomes garbage.
                h = resolvedNames.get(m);
                if (h == null) {
                    h = vm.globals.add(obj);
                    resolvedNames.put(m, h);
                }
            }
        }
        return vm.globals.get(h);
    }

    /** The method of a StackFrameInfo the walk filled: found among its class's methods by its ResolvedMethodName. */
    private VmMethod methodOf(VmThread t, int frame) {
        Layout l = layout();
        int rmn = vm.mem.getInt(ObjectLayout.offset(frame) + l.classOrMemberName);
        if (rmn != 0 && vm.classOf(rmn) == l.resolvedName) {
            int mirror = vm.mem.getInt(ObjectLayout.offset(rmn) + l.vmholder);
            for (VmMethod m : vm.mirrors.classOfMirror(mirror).methods.values()) {
                Integer h = resolvedNames.get(m);
                if (h != null && vm.globals.get(h) == rmn) {
                    return m;
                }
            }
        }
        throw vm.throwing.raise(t, "java/lang/InternalError", "toyvm: a StackFrameInfo no stack walk filled");
    }

    /** StackFrameInfo.expandStackFrameInfo: the method's name and descriptor, as interned strings. */
    private void expandStackFrameInfo(VmThread t, int b) {
        Layout l = layout();
        t.sp = b + 1;
        VmMethod m = methodOf(t, t.refs[b]);
        int name = vm.strings.intern(t, m.name);
        Barrier.putRef(vm.mem, ObjectLayout.offset(t.refs[b]) + l.name, name);
        int type = vm.strings.intern(t, m.descriptor);
        Barrier.putRef(vm.mem, ObjectLayout.offset(t.refs[b]) + l.type, type);
    }
}
