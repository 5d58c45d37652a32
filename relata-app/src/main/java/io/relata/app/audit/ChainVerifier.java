package io.relata.app.audit;

import io.relata.store.AuditCheckpoint;
import io.relata.store.AuditEntry;
import io.relata.store.AuditStore;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Walks the whole trail in seq order, a page at a time, and stops at the first thing that is not as the trail
 * wrote it:
 * <ul>
 * <li>a gap in seq (an entry deleted), or an entry whose prev_hash is not the previous entry's hash (deleted,
 * inserted or moved);</li>
 * <li>an entry whose hash does not match its fields (altered; a swapped seq is an altered field too);</li>
 * <li>an entry whose object index rows are not its objects (who-looked-at answers tampered with);</li>
 * <li>a checkpoint whose MAC is wrong (forged or altered), one whose hash is not its entry's (the chain was
 * rewritten and re-hashed after it), one missing where the trail writes one (every {@code every} entries), or
 * one beyond the last entry, or index rows beyond it (entries removed from the end).</li>
 * </ul>
 * What it cannot see: entries after the last checkpoint rewritten and re-hashed, or the tail removed together
 * with its checkpoints back to a checkpoint; the trail's own head (what this process last appended) covers that
 * while the process runs.
 */
final class ChainVerifier {
    static final int PAGE = 1000;

    private final AuditStore audit;
    private final AuditKey key;
    private final int every;
    private final Deque<AuditCheckpoint> checkpoints = new ArrayDeque<>();
    /** Below any seq: rows someone inserted with seq 0 or less are read and reported too. */
    private long checkpointCursor = Long.MIN_VALUE;
    private boolean checkpointsDone;

    ChainVerifier(AuditStore audit, AuditKey key, int every) {
        this.audit = audit;
        this.key = key;
        this.every = every;
    }

    /**
     * @param headSeq  the last entry this process appended, 0 when it has appended none
     * @param headHash its hash
     */
    AuditVerification verify(long headSeq, String headHash) {
        long expected = 1;
        String prev = CanonicalForm.GENESIS;
        long entries = 0;
        long checked = 0;
        long vouched = 0; // the last entry a sound checkpoint vouches for
        long after = Long.MIN_VALUE; // so that an entry inserted with seq 0 or less is seen (and shown as out of sequence)
        while (true) {
            List<AuditEntry> page = audit.entriesAfter(after, PAGE);
            if (page.isEmpty()) break;
            after = page.get(page.size() - 1).seq();
            SortedMap<Long, List<String>> index = audit.indexedObjects(page.get(0).seq(), page.get(page.size() - 1).seq());
            for (AuditEntry e : page) {
                long s = e.seq();
                if (s != expected) {
                    return AuditVerification.broken(entries, checked, expected, s > expected
                            ? "entry " + expected + " is missing (the next entry is " + s + "): entries were deleted"
                            : "entry " + s + " is out of sequence (entry " + expected + " was expected)");
                }
                if (e.objects() == null || !CanonicalForm.hash(e).equals(e.hash())) {
                    return AuditVerification.broken(entries, checked, s, "entry " + s
                            + " was altered: its hash does not match its contents");
                }
                if (!prev.equals(e.prevHash())) {
                    return AuditVerification.broken(entries, checked, s, "entry " + s + " does not follow entry "
                            + (s - 1) + ": its prev_hash is not that entry's hash (entries were deleted, inserted or moved)");
                }
                List<String> indexed = index.getOrDefault(s, List.of());
                if (!List.copyOf(new TreeSet<>(e.objects())).equals(indexed)) {
                    return AuditVerification.broken(entries, checked, s, "the object index of entry " + s
                            + " differs from the entry's objects: it has " + indexed + ", the entry " + e.objects());
                }
                AuditCheckpoint cp = nextCheckpoint();
                if (cp != null && cp.seq() < s) {
                    return AuditVerification.broken(entries, checked, cp.seq(), "checkpoint " + cp.seq()
                            + " names no entry");
                }
                if (cp != null && cp.seq() == s) {
                    checkpoints.poll();
                    if (!key.mac(cp.seq(), cp.hash()).equals(cp.mac())) {
                        return AuditVerification.broken(entries, checked, vouched + 1, "checkpoint " + s
                                + " is forged or altered: its MAC does not match");
                    }
                    if (!cp.hash().equals(e.hash())) {
                        return AuditVerification.broken(entries, checked, vouched + 1, "entry " + s + " does not match "
                                + "checkpoint " + s + ": entries after " + vouched + " were rewritten and re-hashed");
                    }
                    checked++;
                    vouched = s;
                } else if (s % every == 0) {
                    return AuditVerification.broken(entries, checked, vouched + 1, "checkpoint " + s + " is missing: "
                            + "entries after " + vouched + " are not vouched for");
                }
                if (s == headSeq && !e.hash().equals(headHash)) {
                    return AuditVerification.broken(entries, checked, vouched + 1, "entry " + s + " is not the entry "
                            + "this process appended: entries after " + vouched + " were rewritten");
                }
                prev = e.hash();
                expected = s + 1;
                entries++;
            }
        }
        long last = expected - 1;
        AuditCheckpoint beyond = nextCheckpoint();
        if (beyond != null) {
            return AuditVerification.broken(entries, checked, last + 1, "checkpoint " + beyond.seq()
                    + " is beyond the last entry " + last + ": entries were removed from the end of the trail");
        }
        if (headSeq > last) {
            return AuditVerification.broken(entries, checked, last + 1, "the trail ends at entry " + last
                    + " but this process appended up to entry " + headSeq + ": entries were removed from the end");
        }
        if (audit.indexedObjectsAfter(last) > 0) {
            return AuditVerification.broken(entries, checked, last + 1, "the object index names entries after the last "
                    + "entry " + last + ": entries were removed from the end of the trail");
        }
        return AuditVerification.sound(entries, checked);
    }

    private AuditCheckpoint nextCheckpoint() {
        if (checkpoints.isEmpty() && !checkpointsDone) {
            List<AuditCheckpoint> page = audit.checkpointsAfter(checkpointCursor, PAGE);
            checkpoints.addAll(page);
            if (page.isEmpty()) checkpointsDone = true;
            else checkpointCursor = page.get(page.size() - 1).seq();
        }
        return checkpoints.peek();
    }
}
