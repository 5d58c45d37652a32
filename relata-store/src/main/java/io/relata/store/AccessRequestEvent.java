package io.relata.store;

import java.time.Instant;

/** One step in an access request's log: who did what, when (REGISTERED, STATUS, DECISION, PACKAGE, CORRECTION). */
public record AccessRequestEvent(long id, long requestId, Instant at, String actor, String kind, String detail) {}
