package io.relata.core.model;

/** What a record describes. */
public enum EntityType { PERSON, ORGANIZATION }
