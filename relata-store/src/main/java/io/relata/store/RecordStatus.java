package io.relata.store;

/** Whether a stored record takes part in resolution ({@code ACTIVE}) or was withdrawn by its source. */
public enum RecordStatus { ACTIVE, WITHDRAWN }
