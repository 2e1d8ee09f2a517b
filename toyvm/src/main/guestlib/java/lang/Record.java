package java.lang;

/** toyvm guest library: the base of records (equals/hashCode/toString come from ObjectMethods, in the VM). */
public abstract class Record {
    protected Record() {
    }

    @Override
    public abstract boolean equals(Object obj);

    @Override
    public abstract int hashCode();

    @Override
    public abstract String toString();
}
