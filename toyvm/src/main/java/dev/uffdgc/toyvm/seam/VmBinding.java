package dev.uffdgc.toyvm.seam;

/**
 * THE collector seam, modelled on MMTk's VMBinding: everything a collector may know about the VM, as small
 * interfaces (MMTk's {@code ObjectModel}, {@code Scanning}, {@code Collection}, the space with its bump pointer,
 * {@code Barriers}, {@code ReferenceGlue}). toyvm's built-in collector uses nothing else, and neither must a replacement (the agent's
 * concurrent compactor, page-slide): no collector needs changes in the interpreter. One class implements it for
 * toyvm ({@code dev.uffdgc.toyvm.binding.ToyVmBinding}); tests may implement it for a synthetic heap.
 *
 * <p>This package imports nothing from toyvm's interpreter, runtime, threads or CLI (an architecture test says so).
 */
public interface VmBinding extends HeapSpace, ObjectModel, Scanning, References, Collection, Barriers {
}
