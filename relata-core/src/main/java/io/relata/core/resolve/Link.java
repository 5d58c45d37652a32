package io.relata.core.resolve;

/** A scored pair of records (by index) that the clusterer used to join two entities. */
public record Link(int first, int second, double weight) {}
