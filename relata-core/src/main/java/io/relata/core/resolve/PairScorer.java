package io.relata.core.resolve;

import io.relata.core.standardize.PersonNameFeatures;
import io.relata.core.standardize.RecordFeatures;

/**
 * Scores a pair of records with a {@link MatchModel}: compares every feature, looks up each level's weight,
 * adjusts exact agreement by how common the agreed value is, and sums. Thread-safe; each thread passes its
 * own {@link Comparison} scratch.
 */
public final class PairScorer {
    private static final double LOG2 = Math.log(2);
    private static final int GIVEN = Feature.GIVEN_NAME.ordinal(), SURNAME = Feature.SURNAME.ordinal(),
            MIDDLE = Feature.MIDDLE_NAME.ordinal(), SUFFIX = Feature.NAME_SUFFIX.ordinal(), ORG = Feature.ORG_NAME.ordinal(), DOB = Feature.DOB.ordinal(),
            GENDER = Feature.GENDER.ordinal(), NATIONALITY = Feature.NATIONALITY.ordinal(),
            ADDRESS = Feature.ADDRESS.ordinal(), PHONE = Feature.PHONE.ordinal(), EMAIL = Feature.EMAIL.ordinal(),
            IDENTIFIER = Feature.IDENTIFIER.ordinal();
    private static final int[] TF_KIND = new int[Feature.COUNT];

    static {
        TF_KIND[GIVEN] = ValueKind.GIVEN;
        TF_KIND[SURNAME] = ValueKind.SURNAME;
        TF_KIND[ORG] = ValueKind.ORG_NAME;
        TF_KIND[ADDRESS] = ValueKind.ADDRESS;
        TF_KIND[PHONE] = ValueKind.PHONE;
        TF_KIND[EMAIL] = ValueKind.EMAIL;
        TF_KIND[IDENTIFIER] = ValueKind.IDENTIFIER;
    }

    /** How many personal features must agree to outweigh a conflict: one alone is what relatives share. */
    private static final int MIN_PERSONAL_AGREEMENTS = 2;

    private final MatchModel model;
    private final ValueFrequencies frequencies;
    private final double[][] weight = new double[Feature.COUNT][];
    private final double[][] u = new double[Feature.COUNT][];
    private final boolean[][] conflict = new boolean[Feature.COUNT][];
    private final boolean[][] termFrequency = new boolean[Feature.COUNT][];
    private final boolean[] personal = new boolean[Feature.COUNT];
    private final double prior;

    public PairScorer(MatchModel model, ValueFrequencies frequencies) {
        this.model = model;
        this.frequencies = frequencies;
        this.prior = model.priorWeight(frequencies.records());
        for (Feature f : model.personalFeatures()) personal[f.ordinal()] = true;
        for (Feature f : Feature.ALL) {
            var levels = model.parameters(f).levels();
            int n = levels.size(), i = f.ordinal();
            weight[i] = new double[n];
            u[i] = new double[n];
            conflict[i] = new boolean[n];
            termFrequency[i] = new boolean[n];
            for (int l = 0; l < n; l++) {
                LevelParameters p = levels.get(l);
                weight[i][l] = l == f.missing() ? 0 : p.weight();
                u[i][l] = p.u();
                conflict[i][l] = p.conflict();
                termFrequency[i][l] = p.termFrequency();
            }
        }
    }

    public MatchModel model() {
        return model;
    }

    /** The prior log2 odds of a match in the population this scorer was built for. */
    public double prior() {
        return prior;
    }

    /** Compares a and b into {@code c} and returns the total weight. */
    public double score(RecordFeatures a, RecordFeatures b, Comparison c) {
        compare(a, b, c);
        double total = 0, personalSupport = 0, names = 0;
        int personalAgreements = 0, conflicts = 0;
        for (int f = 0; f < Feature.COUNT; f++) {
            int level = c.levels[f];
            double w = weight[f][level];
            if (termFrequency[f][level] && c.agreed[f] != null && frequencies.isRepresentative()) {
                double bonus = Math.log(u[f][level] / frequencies.frequency(TF_KIND[f], c.agreed[f])) / LOG2;
                w = Math.max(0, w + Math.min(bonus, model.maxTermFrequencyBonus()));
            }
            c.weights[f] = w;
            total += w;
            if (f == GIVEN || f == SURNAME || f == MIDDLE || f == SUFFIX || f == ORG) names += w;
            if (conflict[f][level]) conflicts++;
            else if (personal[f] && w > 0) {
                personalSupport += w;
                // the same document number is evidence that relatives do not share; a birth date or a name is
                personalAgreements += f == IDENTIFIER && level == IdentifierComparator.EXACT ? 2 : 1;
            }
        }
        c.total = total;
        c.prior = prior;
        c.otherEvidence = total - names;
        // a conflict stands unless other personal details agree strongly, and more than one of them or the same
        // document number (twins share a birth date, a father and son a name); household details never outweigh
        // it; two conflicts (another given name and another birth date) without the same surname always stand: one
        // document number used by two unrelated identities is a lead for an analyst (a stolen or synthetic
        // identity), not one person
        boolean unrelated = conflicts >= 2 && c.weights[SURNAME] <= 0;
        c.conflict = unrelated || conflicts > 0 && (personalSupport < model.conflictOverride()
                || personalAgreements < MIN_PERSONAL_AGREEMENTS);
        return total;
    }

    /** The outcome a scored comparison stands for. */
    public Outcome outcome(Comparison c) {
        double posterior = c.posterior();
        if (!c.conflict && posterior >= model.matchThreshold()
                && (c.otherEvidence >= model.minOtherEvidence() || posterior >= model.nameOnlyMatchOdds())) {
            return Outcome.MATCH;
        }
        if (!c.conflict && posterior >= model.reviewThreshold()) return Outcome.POSSIBLE_MATCH;
        boolean sharesDetail = c.levels[ADDRESS] == AddressComparator.EXACT
                || c.levels[PHONE] == ContactComparator.EXACT || c.levels[EMAIL] == ContactComparator.EXACT
                || c.levels[IDENTIFIER] == IdentifierComparator.EXACT;
        return sharesDetail ? Outcome.POSSIBLY_RELATED : Outcome.NO_MATCH;
    }

    private void compare(RecordFeatures a, RecordFeatures b, Comparison c) {
        c.reset();
        String[] agreed = c.scratch;
        if (a.isPerson() && b.isPerson()) {
            compareNames(a.names(), b.names(), c);
            c.levels[ORG] = (byte) Feature.ORG_NAME.missing();
        } else {
            c.levels[GIVEN] = (byte) Feature.GIVEN_NAME.missing();
            c.levels[SURNAME] = (byte) Feature.SURNAME.missing();
            c.levels[SUFFIX] = (byte) Feature.NAME_SUFFIX.missing();
            c.levels[MIDDLE] = (byte) Feature.MIDDLE_NAME.missing();
            agreed[0] = null;
            c.levels[ORG] = (byte) OrgNameComparator.level(a.orgNames(), b.orgNames(), agreed);
            c.agreed[ORG] = agreed[0];
        }
        c.levels[DOB] = (byte) DateComparator.level(a.dob(), a.implausibleDob(), b.dob(), b.implausibleDob());
        c.levels[GENDER] = (byte) (a.gender() == 0 || b.gender() == 0 ? 2 : a.gender() == b.gender() ? 0 : 1);
        c.levels[NATIONALITY] = (byte) nationality(a.nationalities(), b.nationalities());
        agreed[0] = null;
        c.levels[ADDRESS] = (byte) AddressComparator.level(a.addresses(), b.addresses(), agreed);
        c.agreed[ADDRESS] = agreed[0];
        agreed[0] = null;
        c.levels[PHONE] = (byte) ContactComparator.phones(a.phones(), b.phones(), agreed);
        c.agreed[PHONE] = agreed[0];
        agreed[0] = null;
        c.levels[EMAIL] = (byte) ContactComparator.emails(a.emails(), b.emails(), agreed);
        c.agreed[EMAIL] = agreed[0];
        agreed[0] = null;
        c.levels[IDENTIFIER] = (byte) IdentifierComparator.level(a.identifiers(), b.identifiers(),
                model.lifetimeIdentifierTypes(), agreed);
        c.agreed[IDENTIFIER] = agreed[0];
    }

    /**
     * Finds the best alignment of any name of a with any name of b, in either order: one without a given-name
     * conflict if there is one (Yifan Liu and Lau Yifan are one name swapped, not two different given names),
     * and among those the best-weighted.
     */
    private void compareNames(PersonNameFeatures[] as, PersonNameFeatures[] bs, Comparison c) {
        c.levels[GIVEN] = (byte) Feature.GIVEN_NAME.missing();
        c.levels[SURNAME] = (byte) Feature.SURNAME.missing();
        c.levels[SUFFIX] = (byte) Feature.NAME_SUFFIX.missing();
        c.levels[MIDDLE] = (byte) Feature.MIDDLE_NAME.missing();
        c.nameWeight = Double.NEGATIVE_INFINITY;
        c.nameConflicts = true;
        for (PersonNameFeatures x : as) {
            for (PersonNameFeatures y : bs) {
                int g = NameComparator.given(x, y), s = NameComparator.surname(x, y);
                int suffix = NameComparator.suffix(x, y), middle = NameComparator.middle(x, y);
                offerNames(c, g, s, suffix, middle, x.given(), x.surname());
                if (g < NameComparator.G_INITIAL && s < NameComparator.S_PARTIAL) continue; // no need to try the swap
                // swapped order: the two crossed comparisons may go either way round onto the given and
                // surname scales; trying both keeps score(a, b) == score(b, a)
                int givenToSurname = NameComparator.tokenLevel(x.given(), y.surname());
                int surnameToGiven = NameComparator.tokenLevel(x.surname(), y.given());
                int missing = Feature.SURNAME.missing();
                if (givenToSurname == missing || surnameToGiven == missing) {
                    // one name has a single part, written in the other's surname field (Cameron, Jessup Cameron)
                    if (givenToSurname <= NameComparator.S_FUZZY) {
                        offerNames(c, NameComparator.G_MISSING, givenToSurname, suffix, middle, null, x.given());
                    } else if (surnameToGiven <= NameComparator.S_FUZZY) {
                        offerNames(c, NameComparator.G_MISSING, surnameToGiven, suffix, middle, null, x.surname());
                    }
                    continue;
                }
                offerNames(c, NameComparator.crossedGiven(x.given(), y.surname(), givenToSurname, surnameToGiven),
                        surnameToGiven, suffix, middle, x.given(), x.surname());
                offerNames(c, NameComparator.crossedGiven(x.surname(), y.given(), surnameToGiven, givenToSurname),
                        givenToSurname, suffix, middle, x.surname(), x.given());
            }
        }
    }

    /** Keeps this alignment of given and surname levels if it beats the best so far (see compareNames). */
    private void offerNames(Comparison c, int given, int surname, int suffix, int middle, String givenValue,
                            String surnameValue) {
        double w = weight[GIVEN][given] + weight[SURNAME][surname];
        if (!better(w, conflict[GIVEN][given], c.nameWeight, c.nameConflicts)) return;
        c.nameWeight = w;
        c.nameConflicts = conflict[GIVEN][given];
        c.levels[GIVEN] = (byte) given;
        c.levels[SURNAME] = (byte) surname;
        c.levels[SUFFIX] = (byte) suffix;
        c.levels[MIDDLE] = (byte) middle;
        c.agreed[GIVEN] = given == NameComparator.G_EXACT ? givenValue : null;
        c.agreed[SURNAME] = surname == NameComparator.S_EXACT ? surnameValue : null;
    }

    private static boolean better(double weight, boolean conflicts, double best, boolean bestConflicts) {
        return conflicts == bestConflicts ? weight > best : !conflicts;
    }

    private static int nationality(String[] a, String[] b) {
        if (a.length == 0 || b.length == 0) return 2;
        for (String x : a) {
            for (String y : b) {
                if (x.equals(y)) return 0;
            }
        }
        return 1;
    }
}
