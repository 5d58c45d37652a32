package io.relata.bench.generate;

/**
 * What to generate. Rates are probabilities in [0,1] unless they say otherwise.
 *
 * @param seed                 same seed and config give byte-identical output
 * @param records              exact number of records written
 * @param chunkRecords         records generated, shuffled and written together; bounds memory
 * @param meanRecordsPerEntity mean records per person (geometric tail: many people in one record, a few in many)
 * @param householdShare       share of persons living with 1-4 others who share address, phone and often surname
 * @param juniorRate           share of households where a son carries his father's full name
 * @param twinRate             share of households with twins (same birth date, different given names)
 * @param genericValueRate     share of person records carrying a value shared by unrelated people
 *                             (shelter or lawyer's address, placeholder phone, placeholder birth date)
 * @param orgShare             share of entities that are organizations (employers, schools, sponsors)
 * @param ringRate             synthetic-identity rings per 1,000 persons: 3-8 fabricated identities sharing a small
 *                             pool of SSNs or A-numbers, phones, addresses and maybe an e-mail (0 to 100)
 * @param coTravelRate         co-travel groups per 1,000 persons: 2-5 unrelated people on the same 2-4 flights (0 to 100)
 * @param concentrationShare   share of rings whose members work for or are sponsored by one small "concentration"
 *                             organization (one per 200,000 records)
 * @param errors               per-record error rates
 */
public record GeneratorConfig(long seed, int records, int chunkRecords, double meanRecordsPerEntity,
                              double householdShare, double juniorRate, double twinRate, double genericValueRate,
                              double orgShare, double ringRate, double coTravelRate, double concentrationShare,
                              ErrorRates errors) {

    public GeneratorConfig {
        if (records < 0) throw new IllegalArgumentException("records < 0");
        if (chunkRecords < 100) throw new IllegalArgumentException("chunkRecords < 100");
        if (meanRecordsPerEntity < 1 || meanRecordsPerEntity > 20) throw new IllegalArgumentException("meanRecordsPerEntity not in [1,20]");
        for (double r : new double[] {householdShare, juniorRate, twinRate, genericValueRate, orgShare, concentrationShare}) {
            if (r < 0 || r > 1) throw new IllegalArgumentException("rates must be in [0,1]: " + r);
        }
        if (orgShare > 0.5) throw new IllegalArgumentException("orgShare > 0.5");
        if (ringRate < 0 || ringRate > 100) throw new IllegalArgumentException("ringRate not in [0,100] per 1,000 persons");
        if (coTravelRate < 0 || coTravelRate > 100) throw new IllegalArgumentException("coTravelRate not in [0,100] per 1,000 persons");
        if (errors == null) errors = ErrorRates.defaults();
    }

    /** About 270 rings, 360 co-travel groups and 5 concentration organizations per million records. */
    public static GeneratorConfig defaults(long seed, int records) {
        return new GeneratorConfig(seed, records, 50_000, 2.2, 0.30, 0.05, 0.03, 0.02, 0.01, 0.6, 0.8, 0.15, ErrorRates.defaults());
    }

    public GeneratorConfig withSeed(long v) { return new GeneratorConfig(v, records, chunkRecords, meanRecordsPerEntity, householdShare, juniorRate, twinRate, genericValueRate, orgShare, ringRate, coTravelRate, concentrationShare, errors); }
    public GeneratorConfig withRecords(int v) { return new GeneratorConfig(seed, v, chunkRecords, meanRecordsPerEntity, householdShare, juniorRate, twinRate, genericValueRate, orgShare, ringRate, coTravelRate, concentrationShare, errors); }
    public GeneratorConfig withChunkRecords(int v) { return new GeneratorConfig(seed, records, v, meanRecordsPerEntity, householdShare, juniorRate, twinRate, genericValueRate, orgShare, ringRate, coTravelRate, concentrationShare, errors); }
    public GeneratorConfig withMeanRecordsPerEntity(double v) { return new GeneratorConfig(seed, records, chunkRecords, v, householdShare, juniorRate, twinRate, genericValueRate, orgShare, ringRate, coTravelRate, concentrationShare, errors); }
    public GeneratorConfig withHouseholdShare(double v) { return new GeneratorConfig(seed, records, chunkRecords, meanRecordsPerEntity, v, juniorRate, twinRate, genericValueRate, orgShare, ringRate, coTravelRate, concentrationShare, errors); }
    public GeneratorConfig withJuniorRate(double v) { return new GeneratorConfig(seed, records, chunkRecords, meanRecordsPerEntity, householdShare, v, twinRate, genericValueRate, orgShare, ringRate, coTravelRate, concentrationShare, errors); }
    public GeneratorConfig withTwinRate(double v) { return new GeneratorConfig(seed, records, chunkRecords, meanRecordsPerEntity, householdShare, juniorRate, v, genericValueRate, orgShare, ringRate, coTravelRate, concentrationShare, errors); }
    public GeneratorConfig withGenericValueRate(double v) { return new GeneratorConfig(seed, records, chunkRecords, meanRecordsPerEntity, householdShare, juniorRate, twinRate, v, orgShare, ringRate, coTravelRate, concentrationShare, errors); }
    public GeneratorConfig withOrgShare(double v) { return new GeneratorConfig(seed, records, chunkRecords, meanRecordsPerEntity, householdShare, juniorRate, twinRate, genericValueRate, v, ringRate, coTravelRate, concentrationShare, errors); }
    public GeneratorConfig withRingRate(double v) { return new GeneratorConfig(seed, records, chunkRecords, meanRecordsPerEntity, householdShare, juniorRate, twinRate, genericValueRate, orgShare, v, coTravelRate, concentrationShare, errors); }
    public GeneratorConfig withCoTravelRate(double v) { return new GeneratorConfig(seed, records, chunkRecords, meanRecordsPerEntity, householdShare, juniorRate, twinRate, genericValueRate, orgShare, ringRate, v, concentrationShare, errors); }
    public GeneratorConfig withConcentrationShare(double v) { return new GeneratorConfig(seed, records, chunkRecords, meanRecordsPerEntity, householdShare, juniorRate, twinRate, genericValueRate, orgShare, ringRate, coTravelRate, v, errors); }
    public GeneratorConfig withErrorRates(ErrorRates v) { return new GeneratorConfig(seed, records, chunkRecords, meanRecordsPerEntity, householdShare, juniorRate, twinRate, genericValueRate, orgShare, ringRate, coTravelRate, concentrationShare, v); }
    /** Scales every error rate: 0 gives clean records, 2 doubles the noise. */
    public GeneratorConfig withErrorScale(double factor) { return withErrorRates(errors.scaled(factor)); }
    /** No planted relationship patterns (rings, co-travel groups, concentration organizations). */
    public GeneratorConfig withoutPatterns() { return withRingRate(0).withCoTravelRate(0).withConcentrationShare(0); }
}
