package io.relata.core.model;

/** A postal address as a source wrote it: either {@code full} alone or its parts. Absent parts are null. */
public record Address(String full, String line1, String line2, String city, String region, String postcode, String country) {
    public static Address full(String full) {
        return new Address(full, null, null, null, null, null, null);
    }

    /** The address as one line of text, for display. */
    public String display() {
        if (full != null) return full;
        StringBuilder b = new StringBuilder();
        for (String part : new String[] {line1, line2, city, region, postcode, country}) {
            if (part != null && !part.isBlank()) {
                if (b.length() > 0) b.append(", ");
                b.append(part.strip());
            }
        }
        return b.toString();
    }
}
