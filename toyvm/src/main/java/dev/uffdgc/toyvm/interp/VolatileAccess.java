package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.classfile.VmField;

/** The resolved operand of a VOLATILE_FIELD instruction: which field, and whether it is a get or a put. */
record VolatileAccess(VmField field, boolean put) {
}
