package io.relata.core.model;

/** A document or registration number, e.g. type PASSPORT, A_NUMBER, SSN; country is optional. */
public record Identifier(String type, String value, String country) {}
