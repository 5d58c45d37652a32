package io.relata.core.model;

/** Something that happened to the subject: an entry, exit, application or encounter. */
public record Event(String type, String date, String place, String ref) {}
