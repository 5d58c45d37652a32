package io.relata.bench.generate;

/**
 * Counts of the planted relationship patterns, whose members the {@code patterns.csv} ground truth lists.
 *
 * @param identityRings            synthetic-identity rings
 * @param ringMembers              fabricated identities in them (each its own entity)
 * @param coTravelGroups           groups of unrelated people who took the same flights
 * @param coTravellers             people in them
 * @param concentrationOrgs        organizations employing or sponsoring an unusual share of ring members
 * @param ringsAtConcentrationOrgs rings whose members name one of those organizations
 */
public record PlantedPatterns(long identityRings, long ringMembers, long coTravelGroups, long coTravellers,
                              long concentrationOrgs, long ringsAtConcentrationOrgs) {}
