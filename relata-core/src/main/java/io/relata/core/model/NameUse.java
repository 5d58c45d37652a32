package io.relata.core.model;

/** Whether a name is the one a record is known by, or another it also goes by. */
public enum NameUse { PRIMARY, ALIAS }
