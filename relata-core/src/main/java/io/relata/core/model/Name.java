package io.relata.core.model;

/**
 * A name as a source wrote it: either {@code full} alone (order unknown, also used by organizations)
 * or its parts. Absent parts are null.
 */
public record Name(String full, String given, String middle, String surname, NameUse use) {
    public Name {
        use = use == null ? NameUse.PRIMARY : use;
    }

    public static Name full(String full) {
        return new Name(full, null, null, null, NameUse.PRIMARY);
    }

    public static Name of(String given, String middle, String surname) {
        return new Name(null, given, middle, surname, NameUse.PRIMARY);
    }

    /** The name as one line of text, for display. */
    public String display() {
        if (full != null) return full;
        StringBuilder b = new StringBuilder();
        for (String part : new String[] {given, middle, surname}) {
            if (part != null && !part.isBlank()) {
                if (b.length() > 0) b.append(' ');
                b.append(part.strip());
            }
        }
        return b.toString();
    }
}
