package io.relata.store;

import java.time.Instant;

/** What an audit entry says about who did what when: enough to rebuild activity counters without the rest. */
public record AuditActivity(long seq, Instant at, String actor, String action, String outcome) {}
