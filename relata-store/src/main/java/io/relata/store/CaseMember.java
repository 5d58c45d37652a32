package io.relata.store;

/** A user's membership of a case. */
public record CaseMember(long caseId, String username, CaseRole role) {}
