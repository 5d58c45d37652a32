package io.relata.core.relate;

/** An entity related to both of two entities, with both relations. */
public record CommonConnection(long entity, Relation toFirst, Relation toSecond) {
    public double strength() {
        return toFirst.strength() * toSecond.strength();
    }
}
