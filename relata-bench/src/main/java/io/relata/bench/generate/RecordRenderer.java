package io.relata.bench.generate;

import io.relata.bench.generate.Formats.DateStyle;
import io.relata.bench.generate.Formats.PhoneStyle;
import io.relata.core.model.Address;
import io.relata.core.model.EntityType;
import io.relata.core.model.Event;
import io.relata.core.model.Identifier;
import io.relata.core.model.Name;
import io.relata.core.model.NameUse;
import io.relata.core.model.Record;
import java.util.List;
import java.util.SplittableRandom;

/** Writes one true person or organization as one source would hold it: its styles, its gaps, its errors. */
final class RecordRenderer {
    private static final String[] PORTS = {"JFK", "LAX", "MIA", "ORD", "IAH", "SFO", "ATL", "DFW", "EWR", "IAD", "SYS", "ELP", "LRD", "SEA", "BOS"};
    private static final String[] AIRLINES = {"AA", "UA", "DL", "AM", "AV", "EK", "QR", "TK", "CA", "LH", "BA", "VN", "AI", "ET"};
    private static final String[] VISA_CLASSES = {"B1/B2", "F1", "H1B", "J1", "K1", "IR1", "E2", "L1"};
    /** Events fall in the ten years before the reference day. */
    static final int EVENT_WINDOW_DAYS = 10 * 365;

    private final NamePools pools = NamePools.get();
    private final ErrorRates rates;
    private final double genericRate;
    private final ErrorInjector errors;
    private final long[] genericCounts = new long[GenericValues.Kind.values().length];

    RecordRenderer(GeneratorConfig config, ErrorInjector errors) {
        this.rates = config.errors();
        this.genericRate = config.genericValueRate();
        this.errors = errors;
    }

    long genericCount(GenericValues.Kind kind) {
        return genericCounts[kind.ordinal()];
    }

    Draft person(SplittableRandom rng, Person p, SourceProfile s, String id) {
        return person(rng, p, s, id, null);
    }

    /** As {@link #person}, but an ENTRY_EXIT record holds the given {@code trips} instead of random ones. */
    Draft person(SplittableRandom rng, Person p, SourceProfile s, String id, List<Event> trips) {
        Record.Builder b = Record.builder(s.name(), id);
        double f = s.errorFactor;
        GenericValues.Kind generic = rng.nextDouble() < genericRate ? GenericValues.Kind.values()[rng.nextInt(4)] : null;
        if (generic != null) genericCounts[generic.ordinal()]++;
        names(rng, p, s, b);
        if (generic == GenericValues.Kind.PLACEHOLDER_DOB) b.dob(GenericValues.PLACEHOLDER_DOB);
        else if (present(rng, s)) b.dob(dob(rng, p, s, f));
        if (present(rng, s)) b.gender(gender(p, s));
        if (present(rng, s)) nationality(p, s, b);
        addresses(rng, p, s, b, generic);
        phones(rng, p, s, b, generic);
        if (p.email != null && (s == SourceProfile.VISA_APPS || s == SourceProfile.STUDENT_REG || s == SourceProfile.BENEFITS && rng.nextBoolean())
                && present(rng, s)) b.email(rng.nextDouble() < 0.1 ? TextForms.upper(p.email) : p.email);
        identifiers(rng, p, s, b, f);
        if (trips != null && s == SourceProfile.ENTRY_EXIT) trips.forEach(b::event);
        else events(rng, p, s, b);
        return new Draft(s, id, p.entityId, b);
    }

    /**
     * A record of a ring's fabricated identity: its own name, birth date and passport with their usual errors,
     * and the values it holds (the ring's, or its own address) written in the source's style but always present
     * and never mistyped, since the ring reuses them on purpose. No generic value is planted here.
     */
    Draft ringMember(SplittableRandom rng, Person p, SourceProfile s, String id, List<SharedValue> held) {
        Record.Builder b = Record.builder(s.name(), id);
        double f = s.errorFactor;
        names(rng, p, s, b);
        if (present(rng, s)) b.dob(dob(rng, p, s, f));
        if (present(rng, s)) b.gender(gender(p, s));
        if (present(rng, s)) nationality(p, s, b);
        if (s == SourceProfile.VISA_APPS && present(rng, s)) b.address(abroad(p.abroadAddress, false));
        PhoneStyle phoneStyle = s == SourceProfile.VISA_APPS ? PhoneStyle.INTERNATIONAL : s == SourceProfile.BENEFITS ? PhoneStyle.PAREN : PhoneStyle.DASHES;
        boolean sharedEmail = false;
        for (SharedValue v : held) {
            switch (v.kind()) {
                case ADDRESS -> b.address(usAddress(rng, v.address(), s));
                case PHONE -> b.phone(Formats.usPhone(v.text(), phoneStyle));
                case EMAIL -> { b.email(v.text()); sharedEmail = true; }
                case SSN -> b.identifier(new Identifier("SSN", rng.nextBoolean() ? v.text()
                        : v.text().substring(0, 3) + "-" + v.text().substring(3, 5) + "-" + v.text().substring(5), null));
                case A_NUMBER -> b.identifier(new Identifier("A_NUMBER", aNumberStyle(rng, v.text()), null));
            }
        }
        if (p.email != null && !sharedEmail && present(rng, s)) b.email(p.email);
        if (p.passport != null && s == SourceProfile.VISA_APPS && rng.nextDouble() < 0.95) id(rng, b, "PASSPORT", p.passport, p.country.alpha2(), f);
        events(rng, p, s, b);
        return new Draft(s, id, p.entityId, b);
    }

    /** An optional field is captured unless the source is sparse here or the record lost it. */
    private boolean present(SplittableRandom rng, SourceProfile s) {
        if (rng.nextDouble() < s.sparsity * 0.5) return false;
        if (rng.nextDouble() < rates.missingField()) {
            errors.count(ErrorKind.MISSING_FIELD);
            return false;
        }
        return true;
    }

    private boolean chance(SplittableRandom rng, double p) {
        return p > 0 && rng.nextDouble() < p;
    }

    private void names(SplittableRandom rng, Person p, SourceProfile s, Record.Builder b) {
        double f = s.errorFactor;
        String given = p.given.latin();
        String middle = p.middle;
        String surname = p.surname.latin();
        String surname2 = p.surname2 == null ? null : p.surname2.latin();
        boolean nicknameSource = s == SourceProfile.BENEFITS || s == SourceProfile.STUDENT_REG || s == SourceProfile.ENFORCEMENT;
        if (nicknameSource && chance(rng, rates.nickname() * 2)) {
            List<String> nicks = pools.nicknames(given);
            if (!nicks.isEmpty()) {
                given = nicks.get(rng.nextInt(nicks.size()));
                errors.count(ErrorKind.NICKNAME);
            }
        }
        if (chance(rng, rates.transliteration())) {
            boolean onGiven = rng.nextBoolean();
            List<String> alts = pools.variants(onGiven ? given : surname);
            if (alts.isEmpty()) { onGiven = !onGiven; alts = pools.variants(onGiven ? given : surname); }
            if (!alts.isEmpty()) {
                String alt = alts.get(rng.nextInt(alts.size()));
                if (onGiven) given = alt; else surname = alt;
                errors.count(ErrorKind.TRANSLITERATION);
            }
        }
        if (surname2 != null) {
            if (chance(rng, rates.compoundSurname())) {
                if (rng.nextDouble() < 0.7) {
                    errors.count(ErrorKind.SURNAME_DROPPED);
                } else {
                    surname = surname + "-" + surname2;
                    errors.count(ErrorKind.HYPHENATION);
                }
            } else {
                surname = surname + " " + surname2;
            }
        } else if (surname.length() > 3 && surname.regionMatches(true, 0, "al-", 0, 3) && chance(rng, rates.compoundSurname())) {
            String rest = surname.substring(3);
            surname = switch (rng.nextInt(3)) { case 0 -> "Al " + rest; case 1 -> "Al" + rest.toLowerCase(java.util.Locale.ROOT); default -> rest; };
            errors.count(ErrorKind.HYPHENATION);
        }
        if (middle != null && chance(rng, rates.middleName())) {
            if (rng.nextBoolean()) { middle = null; errors.count(ErrorKind.MIDDLE_DROPPED); }
            else { middle = middle.substring(0, 1); errors.count(ErrorKind.MIDDLE_INITIAL); }
        }
        if (chance(rng, rates.typo() * f)) {
            if (rng.nextBoolean()) given = errors.typo(rng, given); else surname = errors.typo(rng, surname);
        }
        if (chance(rng, rates.diacritics())) {
            String g = TextForms.stripDiacritics(given), sn = TextForms.stripDiacritics(surname);
            if (!g.equals(given) || !sn.equals(surname)) errors.count(ErrorKind.DIACRITICS_STRIPPED);
            given = g;
            surname = sn;
            if (middle != null) middle = TextForms.stripDiacritics(middle);
        }
        if (chance(rng, rates.nameSwap() * f * (p.culture.familyNameFirst() ? 3 : 1))) {
            String t = given; given = surname; surname = t;
            errors.count(ErrorKind.NAME_SWAP);
        }
        if (p.suffix != null && rng.nextBoolean()) surname = surname + " Jr";
        switch (s) {
            case VISA_APPS -> {
                b.name(Name.of(given, middle, surname));
                String nativeName = nativeScript(p);
                if (nativeName != null && rng.nextDouble() < 0.5) b.name(new Name(nativeName, null, null, null, NameUse.ALIAS));
            }
            case ENTRY_EXIT -> b.name(Name.of(TextForms.machineReadable(middle == null ? given : given + " " + middle), null,
                    TextForms.machineReadable(surname)));
            case BENEFITS -> b.name(rng.nextBoolean() ? Name.of(given, middle, surname) : Name.full(westernOrder(given, middle, surname)));
            case STUDENT_REG -> {
                b.name(Name.of(given, middle, surname));
                List<String> nicks = pools.nicknames(p.given.latin());
                if (!nicks.isEmpty() && rng.nextDouble() < 0.2) b.name(new Name(null, nicks.get(0), null, surname, NameUse.ALIAS));
            }
            case ENFORCEMENT -> {
                int style = rng.nextInt(10);
                if (style < 5) b.name(Name.full(TextForms.upper(surname) + ", " + (middle == null ? given : given + " " + middle)));
                else if (style < 8) b.name(Name.of(given, middle, surname));
                else b.name(Name.full(p.culture.familyNameFirst() ? surname + " " + given : westernOrder(given, middle, surname)));
            }
            case WATCHLIST -> {
                String primary = p.culture.familyNameFirst() ? TextForms.upper(surname) + " " + given : westernOrder(given, middle, surname);
                b.name(Name.full(rng.nextBoolean() ? TextForms.upper(primary) : primary));
                aliases(rng, p, given, surname, b);
            }
        }
    }

    private void aliases(SplittableRandom rng, Person p, String given, String surname, Record.Builder b) {
        int n = rng.nextInt(3);
        for (int i = 0; i < n; i++) {
            String alias = switch (rng.nextInt(4)) {
                case 0 -> surname + " " + given;
                case 1 -> {
                    List<String> alts = pools.variants(p.given.latin());
                    yield (!alts.isEmpty() ? alts.get(rng.nextInt(alts.size())) : chance(rng, rates.typo() * 4) ? errors.typo(rng, given) : given) + " " + surname;
                }
                case 2 -> { String nativeName = nativeScript(p); yield nativeName != null ? nativeName : given + " " + (chance(rng, rates.typo() * 4) ? errors.typo(rng, surname) : TextForms.upper(surname)); }
                default -> given.charAt(0) + ". " + surname;
            };
            b.name(new Name(alias, null, null, null, NameUse.ALIAS));
        }
    }

    /** The name in Cyrillic or Han characters, where the pools know them. */
    private static String nativeScript(Person p) {
        if (p.given.script() == null || p.surname.script() == null) return null;
        if (p.culture == Culture.CHINESE) return p.surname.script() + p.given.script();
        return p.given.script() + " " + p.surname.script();
    }

    private static String westernOrder(String given, String middle, String surname) {
        return middle == null ? given + " " + surname : given + " " + middle + " " + surname;
    }

    private String dob(SplittableRandom rng, Person p, SourceProfile s, double f) {
        int day = p.dobEpochDay;
        boolean[] yearOnly = {false};
        if (chance(rng, rates.dob() * f)) day = errors.dob(rng, day, yearOnly);
        DateStyle style = switch (s) {
            case VISA_APPS -> rng.nextDouble() < 0.3 ? DateStyle.DOTTED : DateStyle.ISO;
            case ENTRY_EXIT -> DateStyle.COMPACT;
            case BENEFITS -> DateStyle.US;
            case ENFORCEMENT -> rng.nextDouble() < 0.15 ? DateStyle.YEAR : DateStyle.US;
            case STUDENT_REG -> rng.nextBoolean() ? DateStyle.ISO : DateStyle.US;
            case WATCHLIST -> rng.nextDouble() < 0.6 ? DateStyle.YEAR : DateStyle.TEXT;
        };
        return Formats.date(day, yearOnly[0] ? DateStyle.YEAR : style);
    }

    private static String gender(Person p, SourceProfile s) {
        return switch (s) {
            case BENEFITS -> p.male ? "Male" : "Female";
            case STUDENT_REG -> p.male ? "male" : "female";
            default -> p.male ? "M" : "F";
        };
    }

    private static void nationality(Person p, SourceProfile s, Record.Builder b) {
        switch (s) {
            case VISA_APPS, STUDENT_REG -> b.nationality(p.country.alpha2());
            case ENTRY_EXIT -> b.nationality(p.country.alpha3());
            case WATCHLIST -> b.nationality(p.country.name());
            case ENFORCEMENT -> b.nationality(TextForms.upper(p.country.name()));
            case BENEFITS -> { }
        }
    }

    private void addresses(SplittableRandom rng, Person p, SourceProfile s, Record.Builder b, GenericValues.Kind generic) {
        if (generic == GenericValues.Kind.SHELTER_ADDRESS) {
            b.address(usAddress(rng, GenericValues.SHELTERS[rng.nextInt(GenericValues.SHELTERS.length)], s));
            return;
        }
        if (generic == GenericValues.Kind.LAWYER_ADDRESS) {
            b.address(usAddress(rng, GenericValues.LAWYER_OFFICES[rng.nextInt(GenericValues.LAWYER_OFFICES.length)], s));
            return;
        }
        switch (s) {
            case VISA_APPS -> {
                if (present(rng, s)) b.address(abroad(p.abroadAddress, false));
                if (rng.nextDouble() < 0.3) b.address(usAddress(rng, current(rng, p), s));
            }
            case ENTRY_EXIT -> { if (rng.nextDouble() < 0.3) b.address(usAddress(rng, current(rng, p), s)); }
            case BENEFITS, STUDENT_REG, ENFORCEMENT -> { if (present(rng, s)) b.address(usAddress(rng, current(rng, p), s)); }
            case WATCHLIST -> { if (present(rng, s)) b.address(abroad(p.abroadAddress, true)); }
        }
    }

    private PostalAddress current(SplittableRandom rng, Person p) {
        if (p.previousAddress != null && rng.nextDouble() < 0.35) {
            errors.count(ErrorKind.OLD_ADDRESS);
            return p.previousAddress;
        }
        return p.address;
    }

    private static Address abroad(PostalAddress a, boolean cityOnly) {
        if (cityOnly) return new Address(null, null, null, a.city(), null, null, a.country());
        return new Address(null, a.street() + " " + a.house(), null, a.city(), null, a.postcode(), a.country());
    }

    private static Address usAddress(SplittableRandom rng, PostalAddress a, SourceProfile s) {
        boolean abbreviate = s == SourceProfile.ENTRY_EXIT || s == SourceProfile.ENFORCEMENT || rng.nextBoolean();
        String line1 = a.house() + " " + a.street() + " " + Formats.streetType(a.streetType(), abbreviate);
        String line2 = a.unit() == null ? null : Formats.unit(a.unit(), rng.nextInt(4));
        if (s == SourceProfile.ENFORCEMENT || s == SourceProfile.ENTRY_EXIT) {
            String full = line1 + (line2 == null ? "" : " " + line2) + ", " + a.city() + ", " + a.region() + " " + a.postcode();
            return Address.full(s == SourceProfile.ENFORCEMENT && rng.nextBoolean() ? TextForms.upper(full) : full);
        }
        if (line2 != null && rng.nextDouble() < 0.3) { line1 = line1 + " " + line2; line2 = null; }
        return new Address(null, line1, line2, a.city(), a.region(), a.postcode(), s == SourceProfile.VISA_APPS ? "US" : null);
    }

    private void phones(SplittableRandom rng, Person p, SourceProfile s, Record.Builder b, GenericValues.Kind generic) {
        if (s == SourceProfile.WATCHLIST || s == SourceProfile.ENTRY_EXIT) return;
        if (!present(rng, s)) return;
        PhoneStyle style = switch (s) {
            case VISA_APPS -> PhoneStyle.INTERNATIONAL;
            case BENEFITS -> PhoneStyle.PAREN;
            case ENFORCEMENT -> rng.nextBoolean() ? PhoneStyle.DOTS : PhoneStyle.PLAIN;
            default -> PhoneStyle.DASHES;
        };
        if (generic == GenericValues.Kind.PLACEHOLDER_PHONE) {
            b.phone(Formats.usPhone(GenericValues.PLACEHOLDER_PHONES[rng.nextInt(GenericValues.PLACEHOLDER_PHONES.length)], style));
            return;
        }
        if (s == SourceProfile.VISA_APPS && rng.nextDouble() < 0.5) {
            b.phone("+" + p.country.callingCode() + " " + PersonFactory.digits(rng, 3, true) + " " + PersonFactory.digits(rng, 6, false));
            return;
        }
        String digits = p.phone;
        if (p.previousPhone != null && rng.nextDouble() < 0.4) {
            digits = p.previousPhone;
            errors.count(ErrorKind.PHONE_CHANGED);
        }
        String written = Formats.usPhone(digits, style);
        if (chance(rng, rates.phone() * s.errorFactor)) written = errors.digitTypo(rng, written, ErrorKind.PHONE_TYPO);
        b.phone(written);
    }

    private void identifiers(SplittableRandom rng, Person p, SourceProfile s, Record.Builder b, double f) {
        switch (s) {
            case VISA_APPS -> {
                if (p.passport != null && rng.nextDouble() < 0.95) id(rng, b, "PASSPORT", p.passport, p.country.alpha2(), f);
                if (p.aNumber != null && rng.nextDouble() < 0.2) id(rng, b, "A_NUMBER", p.aNumber, null, f);
            }
            case ENTRY_EXIT -> {
                if (p.passport != null) id(rng, b, "PASSPORT", p.passport, p.country.alpha3(), f);
                else if (p.aNumber != null) id(rng, b, "A_NUMBER", p.aNumber, null, f);
            }
            case BENEFITS -> {
                if (p.ssn != null && rng.nextDouble() < 0.85) {
                    String ssn = rng.nextBoolean() ? p.ssn : p.ssn.substring(0, 3) + "-" + p.ssn.substring(3, 5) + "-" + p.ssn.substring(5);
                    id(rng, b, "SSN", ssn, null, f);
                }
                if (p.aNumber != null && rng.nextDouble() < 0.6) id(rng, b, "A_NUMBER", aNumberStyle(rng, p.aNumber), null, f);
            }
            case ENFORCEMENT -> {
                if (p.aNumber != null && rng.nextDouble() < 0.5) id(rng, b, "A_NUMBER", aNumberStyle(rng, p.aNumber), null, f);
                if (p.passport != null && rng.nextDouble() < 0.15) id(rng, b, "PASSPORT", p.passport, null, f);
            }
            case STUDENT_REG -> {
                id(rng, b, "STUDENT_ID", "N" + PersonFactory.digits(rng, 8, false), null, 0);
                if (p.passport != null && rng.nextDouble() < 0.3) id(rng, b, "PASSPORT", p.passport, p.country.alpha2(), f);
            }
            case WATCHLIST -> {
                if (p.passport != null && rng.nextDouble() < 0.3) id(rng, b, "PASSPORT", p.passport, p.country.alpha3(), f);
            }
        }
    }

    /** A123456789, 123456789 or A-123-456-789: the same alien number as different forms ask for it. */
    private static String aNumberStyle(SplittableRandom rng, String a) {
        return switch (rng.nextInt(4)) {
            case 0 -> a.substring(1);
            case 1 -> "A-" + a.substring(1, 4) + "-" + a.substring(4, 7) + "-" + a.substring(7);
            default -> a;
        };
    }

    private void id(SplittableRandom rng, Record.Builder b, String type, String value, String country, double f) {
        if (rng.nextDouble() < rates.missingField() * 0.5) {
            errors.count(ErrorKind.MISSING_FIELD);
            return;
        }
        if (chance(rng, rates.identifier() * f)) value = errors.digitTypo(rng, value, ErrorKind.IDENTIFIER_TYPO);
        b.identifier(new Identifier(type, value, country));
    }

    private void events(SplittableRandom rng, Person p, SourceProfile s, Record.Builder b) {
        int start = Math.max(p.dobEpochDay, PersonFactory.REFERENCE_DAY - EVENT_WINDOW_DAYS);
        int span = Math.max(1, PersonFactory.REFERENCE_DAY - start);
        switch (s) {
            case ENTRY_EXIT -> {
                int n = 1 + rng.nextInt(4);
                int day = start + rng.nextInt(span);
                for (int i = 0; i < n && day < PersonFactory.REFERENCE_DAY; i++) {
                    String flight = flight(rng);
                    b.event(new Event(i % 2 == 0 ? "ENTRY" : "EXIT", Formats.date(day, DateStyle.ISO), port(rng), flight));
                    day += 3 + rng.nextInt(400);
                }
            }
            case VISA_APPS -> b.event(new Event("APPLICATION", Formats.date(start + rng.nextInt(span), DateStyle.ISO),
                    p.abroadAddress.city(), VISA_CLASSES[rng.nextInt(VISA_CLASSES.length)]));
            case ENFORCEMENT -> b.event(new Event("ENCOUNTER", Formats.date(start + rng.nextInt(span), DateStyle.ISO),
                    p.address.city(), null));
            default -> { }
        }
    }

    /** A flight number such as UA4410: carrier and number drawn alike for everyone, planted groups included. */
    static String flight(SplittableRandom rng) {
        return AIRLINES[rng.nextInt(AIRLINES.length)] + (100 + rng.nextInt(9000));
    }

    static String port(SplittableRandom rng) {
        return PORTS[rng.nextInt(PORTS.length)];
    }

    Draft organization(SplittableRandom rng, Organization o, SourceProfile s, String id) {
        Record.Builder b = Record.builder(s.name(), id).type(EntityType.ORGANIZATION);
        String name = orgName(rng, o);
        if (chance(rng, rates.typo() * s.errorFactor)) name = errors.typo(rng, name);
        b.name(Name.full(name));
        if (present(rng, s)) b.address(usAddress(rng, o.address, s));
        if (present(rng, s)) b.phone(Formats.usPhone(o.phone, rng.nextBoolean() ? PhoneStyle.PAREN : PhoneStyle.DASHES));
        if (o.kind != Organization.Kind.SCHOOL && rng.nextBoolean()) b.identifier(new Identifier("TAX_ID", o.taxId, "US"));
        return new Draft(s, id, o.entityId, b);
    }

    /** Acme Corp / ACME CORPORATION / Acme Corp. / Acme: the legal-form and case variants of one name. */
    private static String orgName(SplittableRandom rng, Organization o) {
        String stem = o.stem;
        if (o.kind == Organization.Kind.SCHOOL && rng.nextDouble() < 0.3) {
            stem = stem.replace("University", "Univ.").replace("Community College", "Comm. College").replace("Institute", "Inst.");
        }
        String name = switch (o.legalLong.isEmpty() ? 0 : rng.nextInt(5)) {
            case 0 -> stem;
            case 1 -> stem + " " + o.legalLong;
            case 2 -> stem + " " + o.legalShort;
            case 3 -> stem + " " + o.legalShort + ".";
            default -> stem + ", " + o.legalShort;
        };
        return rng.nextDouble() < 0.25 ? TextForms.upper(name) : name;
    }
}
