package io.relata.core.resolve;

/** What the evidence says about two records, for a human to confirm: never a claim that they are related. */
public enum Outcome {
    /** Strong enough evidence to put both records in one entity. */
    MATCH,
    /** Evidence for the same entity, but not enough: a human should review the pair. */
    POSSIBLE_MATCH,
    /** Probably different entities that share a contact, address or identity detail worth a look. */
    POSSIBLY_RELATED,
    NO_MATCH
}
