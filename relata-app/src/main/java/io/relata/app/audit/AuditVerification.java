package io.relata.app.audit;

/**
 * What {@link AuditTrail#verify()} found.
 *
 * @param ok                 true when every entry and checkpoint is as the trail wrote it
 * @param entriesChecked     entries found sound (before the problem, when there is one)
 * @param checkpointsChecked checkpoints found sound
 * @param firstBadSeq        the first entry that can no longer be trusted; 0 when ok
 * @param problem            what is wrong, for a person; null when ok
 */
public record AuditVerification(boolean ok, long entriesChecked, long checkpointsChecked, long firstBadSeq,
                                String problem) {
    static AuditVerification sound(long entries, long checkpoints) {
        return new AuditVerification(true, entries, checkpoints, 0, null);
    }

    static AuditVerification broken(long entries, long checkpoints, long firstBadSeq, String problem) {
        return new AuditVerification(false, entries, checkpoints, firstBadSeq, problem);
    }
}
