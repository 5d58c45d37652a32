package io.relata.bench.generate;

/** Counters that run across chunks: id sequences (so ids stay unique) and the summary's counts. */
final class RunTally {
    final long[] sourceSequence = new long[SourceProfile.values().length];
    final long[] recordsPerSource = new long[SourceProfile.values().length];
    final long[] relationships = new long[4];
    long entitySequence;
    long persons;
    long organizations;
    long households;
    long personsInHouseholds;
    long juniorPairs;
    long twinPairs;
    long identityRings;
    long ringMembers;
    long coTravelGroups;
    long coTravellers;
    long concentrationOrgs;
    long ringsAtConcentrationOrgs;

    static final String[] RELATIONSHIP_TYPES = {"FAMILY", "EMPLOYER", "SCHOOL", "SPONSOR"};

    String nextEntityId() {
        String n = Long.toString(++entitySequence);
        StringBuilder b = new StringBuilder(9).append('E');
        for (int i = n.length(); i < 7; i++) b.append('0');
        return b.append(n).toString();
    }

    /** Records given an id so far. */
    long records() {
        long n = 0;
        for (long c : recordsPerSource) n += c;
        return n;
    }

    String nextRecordId(SourceProfile s) {
        recordsPerSource[s.ordinal()]++;
        return s.id(sourceSequence[s.ordinal()]++);
    }
}
