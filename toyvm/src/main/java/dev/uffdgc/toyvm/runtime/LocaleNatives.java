package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.thread.VmThread;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Locale data for the JDK's own java.text and java.util.Formatter classes. On HotSpot it comes from the CLDR
 * locale provider, which finds its data through ServiceLoader over the module layer, which toyvm does not
 * have. The VM supplies the same data from the host's CLDR instead: DecimalFormatSymbols' initialisation
 * (the one place its constructor and getInstance reach the provider) copies the host's symbols for the same
 * language tag; NumberFormat's number, integer and percent instances (what Formatter's %,d and %f use) are
 * DecimalFormats of the host's pattern for that locale with those symbols. Currency and compact instances,
 * new DecimalFormat() without a pattern, and date patterns still need the provider and fail naming it.
 */
final class LocaleNatives {
    private LocaleNatives() {
    }

    static void register(Vm vm, Intrinsics r) {
        String dfs = "java/text/DecimalFormatSymbols";
        r.add(dfs, "initialize(Ljava/util/Locale;)V", (t, b) -> initialize(vm, t, b));
        r.add("java/text/NumberFormat", "getInstance(Ljava/util/Locale;Ljava/text/NumberFormat$Style;I)Ljava/text/NumberFormat;",
                (t, b) -> numberFormat(vm, t, b));
        r.add(dfs, "getInstance(Ljava/util/Locale;)Ljava/text/DecimalFormatSymbols;", (t, b) -> {
            if (t.refs[b] == 0) {
                throw vm.throwing.raise(t, "java/lang/NullPointerException", null);
            }
            VmClass c = vm.classes.load(dfs);
            vm.init.initialize(t, c);
            t.sp = b + 1;
            int obj = t.sp;
            t.pushRef(vm.alloc.instance(t, c));
            t.pushRef(t.refs[obj]);
            t.pushRef(t.refs[b]);
            vm.interp.call(t, c.methods.get("<init>(Ljava/util/Locale;)V"));
            t.refs[b] = t.refs[obj];
        });
    }

    /** NumberFormat.getInstance(Locale, Style, int choice): 0 number, 2 percent, 4 integer (as the JDK's provider). */
    private static void numberFormat(Vm vm, VmThread t, int b) {
        int choice = (int) t.prims[b + 2];
        if (choice != 0 && choice != 2 && choice != 4) {
            throw vm.throwing.raise(t, "java/lang/UnsupportedOperationException",
                    "toyvm: NumberFormat style " + choice + " needs the JDK's locale providers");
        }
        Locale l = Locale.forLanguageTag(languageTag(vm, t, b, b + 3));
        java.text.NumberFormat hostFormat = switch (choice) {
            case 2 -> java.text.NumberFormat.getPercentInstance(l);
            case 4 -> java.text.NumberFormat.getIntegerInstance(l);
            default -> java.text.NumberFormat.getNumberInstance(l);
        };
        String pattern = ((java.text.DecimalFormat) hostFormat).toPattern();
        VmClass dfs = vm.classes.load("java/text/DecimalFormatSymbols");
        vm.init.initialize(t, dfs);
        VmClass df = vm.classes.load("java/text/DecimalFormat");
        vm.init.initialize(t, df);
        t.sp = b + 3;
        int obj = t.sp;
        t.pushRef(vm.alloc.instance(t, df));
        t.pushRef(t.refs[obj]);
        t.pushRef(vm.strings.newString(t, pattern));
        t.pushRef(t.refs[b]);
        vm.interp.call(t, dfs.methods.get("getInstance(Ljava/util/Locale;)Ljava/text/DecimalFormatSymbols;"));
        vm.interp.call(t, df.methods.get("<init>(Ljava/lang/String;Ljava/text/DecimalFormatSymbols;)V"));
        if (choice == 4) {
            t.pushRef(t.refs[obj]);
            t.pushInt(1);
            vm.interp.call(t, df.findMethod("setParseIntegerOnly(Z)V"));
        }
        t.refs[b] = t.refs[obj];
    }

    /** The guest Locale in slot {@code slot} as a language tag (its toLanguageTag, run in the guest above {@code top}). */
    private static String languageTag(Vm vm, VmThread t, int slot, int top) {
        t.sp = top;
        t.pushRef(t.refs[slot]);
        vm.interp.call(t, vm.classes.load("java/util/Locale").findMethod("toLanguageTag()Ljava/lang/String;"));
        return vm.strings.toHost(t.refs[top]);
    }

    private static void initialize(Vm vm, VmThread t, int b) {
        String tag = languageTag(vm, t, b + 1, b + 2);
        DecimalFormatSymbols host = DecimalFormatSymbols.getInstance(Locale.forLanguageTag(tag));
        VmClass c = vm.classOf(t.refs[b]);
        putRef(vm, t, b, c, "locale", t.refs[b + 1]);
        putChar(vm, t, b, c, "decimalSeparator", host.getDecimalSeparator());
        putChar(vm, t, b, c, "groupingSeparator", host.getGroupingSeparator());
        putChar(vm, t, b, c, "patternSeparator", host.getPatternSeparator());
        putChar(vm, t, b, c, "percent", host.getPercent());
        putChar(vm, t, b, c, "zeroDigit", host.getZeroDigit());
        putChar(vm, t, b, c, "digit", host.getDigit());
        putChar(vm, t, b, c, "minusSign", host.getMinusSign());
        putChar(vm, t, b, c, "perMill", host.getPerMill());
        putChar(vm, t, b, c, "exponential", host.getExponentSeparator().charAt(0));
        putChar(vm, t, b, c, "monetarySeparator", host.getMonetaryDecimalSeparator());
        putChar(vm, t, b, c, "monetaryGroupingSeparator", host.getMonetaryGroupingSeparator());
        putString(vm, t, b, c, "percentText", String.valueOf(host.getPercent()));
        putString(vm, t, b, c, "minusSignText", String.valueOf(host.getMinusSign()));
        putString(vm, t, b, c, "perMillText", String.valueOf(host.getPerMill()));
        putString(vm, t, b, c, "exponentialSeparator", host.getExponentSeparator());
        putString(vm, t, b, c, "infinity", host.getInfinity());
        putString(vm, t, b, c, "NaN", host.getNaN());
        // currencySymbol/intlCurrencySymbol stay null: the JDK fills them lazily (initializeCurrency).
    }

    private static void putChar(Vm vm, VmThread t, int b, VmClass c, String field, char v) {
        vm.mem.putShort(ObjectLayout.offset(t.refs[b]) + c.findField(field).offset, (short) v);
    }

    private static void putRef(Vm vm, VmThread t, int b, VmClass c, String field, int ref) {
        dev.uffdgc.toyvm.heap.Barrier.putRef(vm.mem, ObjectLayout.offset(t.refs[b]) + (long) c.findField(field).offset, ref);
    }

    /** May collect: the receiver is re-read from its slot after the string is allocated. */
    private static void putString(Vm vm, VmThread t, int b, VmClass c, String field, String v) {
        int s = vm.strings.newString(t, v);
        putRef(vm, t, b, c, field, s);
    }
}
