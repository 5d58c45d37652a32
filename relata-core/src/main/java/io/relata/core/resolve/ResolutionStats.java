package io.relata.core.resolve;

/** What a batch resolution did and how long each stage took, in seconds. */
public record ResolutionStats(
        int records,
        int entities,
        long candidatePairs,
        long blocks,
        long genericBlocks,
        int largestGenericBlock,
        java.util.Map<String, Long> pairsByKeyKind,
        long matchPairs,
        long possibleMatchPairs,
        int refusedByConflict,
        int refusedByCohesion,
        double standardizeSeconds,
        double blockSeconds,
        double trainSeconds,
        double scoreSeconds,
        double clusterSeconds) {}
