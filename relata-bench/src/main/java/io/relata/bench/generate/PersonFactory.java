package io.relata.bench.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/** Creates the true people (alone or in households, with planted juniors and twins) and organizations. */
final class PersonFactory {
    /** Ages are measured at this date so output does not depend on the clock. */
    static final int REFERENCE_DAY = (int) LocalDate.of(2024, 6, 30).toEpochDay();
    private static final String[] STREET_TYPES = {"Street", "Avenue", "Road", "Drive", "Boulevard", "Lane", "Court", "Place"};
    private static final String[][] SIMILAR_TWIN_NAMES = {{"Ana", "Anna"}, {"Sara", "Sarah"}, {"Eric", "Erik"},
            {"Cristian", "Christian"}, {"Jaden", "Jayden"}, {"Hana", "Hanna"}, {"Alan", "Allan"}, {"Elena", "Helena"},
            {"Yasmin", "Yasmine"}, {"Jon", "John"}};
    private static final String[] EMAIL_DOMAINS = {"gmail.com", "gmail.com", "gmail.com", "yahoo.com", "outlook.com",
            "hotmail.com", "icloud.com", "aol.com", "mail.ru", "163.com", "qq.com", "yandex.ru", "rediffmail.com"};
    private static final String[] INDUSTRIES = {"Logistics", "Construction", "Farms", "Foods", "Staffing", "Restaurant Group",
            "Cleaning Services", "Technologies", "Healthcare", "Landscaping", "Manufacturing", "Trading"};
    private static final String[][] LEGAL_FORMS = {{"Corporation", "Corp"}, {"Incorporated", "Inc"},
            {"Limited Liability Company", "LLC"}, {"Company", "Co"}};

    private final NamePools pools = NamePools.get();
    private final Supplier<String> entityIds;

    PersonFactory(Supplier<String> entityIds) {
        this.entityIds = entityIds;
    }

    Person single(SplittableRandom rng) {
        Person p = newPerson(rng, pools.cultures().pick(rng), null, rng.nextBoolean());
        p.dobEpochDay = REFERENCE_DAY - ageDays(rng, 16 + (int) (Math.pow(rng.nextDouble(), 1.6) * 64));
        p.address = usAddress(rng);
        p.phone = usPhone(rng, p.address);
        fillRest(rng, p);
        return p;
    }

    /**
     * A fabricated identity for a synthetic-identity ring: a name and birth date of the given culture, a passport
     * and an address abroad, but no SSN, A-number, phone or US address of its own: those come from the ring's pool.
     */
    Person fabricated(SplittableRandom rng, Culture culture) {
        Person p = newPerson(rng, culture, null, rng.nextBoolean());
        p.dobEpochDay = REFERENCE_DAY - ageDays(rng, 20 + rng.nextInt(41));
        p.abroadAddress = abroadAddress(rng, p.country);
        if (rng.nextDouble() < 0.8) p.passport = passport(rng, p.country);
        if (rng.nextDouble() < 0.3) p.email = email(rng, p);
        return p;
    }

    /** A value for a ring's pool: from the slice kept for rings, and never a generic placeholder. */
    SharedValue ringValue(SplittableRandom rng, SharedValue.Kind kind, PostalAddress near) {
        for (;;) {
            SharedValue v = switch (kind) {
                case SSN -> new SharedValue(kind, anySsn(rng), null);
                case A_NUMBER -> new SharedValue(kind, "A" + digits(rng, 9, true), null);
                case PHONE -> new SharedValue(kind, anyUsPhone(rng, near), null);
                case ADDRESS -> new SharedValue(kind, null, anyUsAddress(rng));
                case EMAIL -> new SharedValue(kind, ringEmail(rng), null);
            };
            if (!RingValueSpace.reserved(kind, v.key())) continue;
            if (kind == SharedValue.Kind.ADDRESS && GenericValues.isGeneric(v.address())) continue;
            if (kind == SharedValue.Kind.PHONE && GenericValues.isPlaceholderPhone(v.text())) continue;
            return v;
        }
    }

    /** A handle that belongs to none of the members, as a fraudster's own mailbox would. */
    private String ringEmail(SplittableRandom rng) {
        Culture c = pools.cultures().pick(rng);
        String g = TextForms.asciiLower(pools.given(c, rng.nextBoolean()).pick(rng).latin()).replace(" ", "");
        String s = TextForms.asciiLower(pools.surnames(c).pick(rng).latin()).replace(" ", "").replace("'", "");
        return g.charAt(0) + s + (10 + rng.nextInt(9990)) + "@" + EMAIL_DOMAINS[rng.nextInt(EMAIL_DOMAINS.length)];
    }

    /** A household of {@code size} (2-5): head, usually a spouse, children; a junior or twins if asked. */
    List<Person> household(SplittableRandom rng, int size, boolean junior, boolean twins) {
        Culture culture = pools.cultures().pick(rng);
        Country country = pools.countries(culture).pick(rng);
        PostalAddress home = usAddress(rng);
        String homePhone = usPhone(rng, home);
        int childrenNeeded = (junior ? 1 : 0) + (twins ? 2 : 0);
        boolean withSpouse = size - 1 > childrenNeeded && rng.nextDouble() < 0.85;
        List<Person> members = new ArrayList<>(size);
        Person head = newPerson(rng, culture, country, junior || rng.nextDouble() < 0.6);
        head.dobEpochDay = REFERENCE_DAY - ageDays(rng, (junior || size > 2 ? 40 : 24) + rng.nextInt(36));
        members.add(head);
        Person spouse = null;
        if (withSpouse) {
            spouse = newPerson(rng, culture, country, !head.male);
            spouse.dobEpochDay = head.dobEpochDay + rng.nextInt(-6 * 365, 6 * 365);
            if (sharesSurname(culture, rng)) spouse.surname = genderedSurname(culture, head.surname, spouse.male);
            spouse.surname2 = culture == Culture.HISPANIC ? spouse.surname2 : null;
            head.relate(spouse, "spouse");
            spouse.relate(head, "spouse");
            members.add(spouse);
        }
        Person father = head.male ? head : spouse;
        Person mother = head.male ? spouse : head;
        int twinDay = 0;
        for (int i = 0; members.size() < size; i++) {
            boolean isJunior = junior && i == 0;
            boolean isTwin = twins && i >= (junior ? 1 : 0) && i < (junior ? 3 : 2);
            Person child = newPerson(rng, culture, country, isJunior || rng.nextBoolean());
            int minParentDob = Math.max(head.dobEpochDay, spouse == null ? head.dobEpochDay : spouse.dobEpochDay);
            child.dobEpochDay = Math.min(REFERENCE_DAY - 30, minParentDob + (20 * 365 + rng.nextInt(20 * 365)));
            child.surname = genderedSurname(culture, head.surname, child.male);
            if (culture == Culture.HISPANIC) {
                // Spanish naming: father's first surname, then mother's first surname.
                child.surname = father != null ? father.surname : head.surname;
                child.surname2 = mother != null ? mother.surname : head.surname2;
            }
            if (isJunior) {
                child.given = head.given;
                child.middle = head.middle;
                child.surname = head.surname;
                child.surname2 = head.surname2;
                child.suffix = "Jr";
            } else if (isTwin) {
                if (twinDay == 0) {
                    twinDay = child.dobEpochDay;
                    if (rng.nextDouble() < 0.3) {
                        String[] pair = SIMILAR_TWIN_NAMES[rng.nextInt(SIMILAR_TWIN_NAMES.length)];
                        child.given = new NameEntry(pair[0], null);
                        members.add(child);
                        linkChild(members, head, spouse, child);
                        Person twin = newPerson(rng, culture, country, child.male);
                        twin.given = new NameEntry(pair[1], null);
                        twin.dobEpochDay = twinDay;
                        twin.surname = child.surname;
                        twin.surname2 = child.surname2;
                        members.add(twin);
                        linkChild(members, head, spouse, twin);
                        i++;
                        continue;
                    }
                } else {
                    child.dobEpochDay = twinDay;
                    Person first = members.get(members.size() - 1);
                    while (child.given.latin().equals(first.given.latin())) child.given = pools.given(culture, child.male).pick(rng);
                }
            }
            members.add(child);
            linkChild(members, head, spouse, child);
        }
        for (Person p : members) {
            p.address = home;
            p.phone = homePhone;
            fillRest(rng, p);
        }
        // Adult children have often moved out and kept a number of their own; toddlers have no documents.
        for (Person p : members) {
            if (REFERENCE_DAY - p.dobEpochDay > 25 * 365 && p != head && p != spouse && rng.nextDouble() < 0.3) {
                p.previousAddress = home;
                p.address = usAddress(rng);
                p.phone = usPhone(rng, p.address);
            }
        }
        return members;
    }

    private static void linkChild(List<Person> members, Person head, Person spouse, Person child) {
        for (Person parent : new Person[] {head, spouse}) {
            if (parent == null) continue;
            parent.relate(child, "child");
            child.relate(parent, "parent");
        }
        for (Person sibling : members) {
            if (sibling != child && sibling != head && sibling != spouse && !sibling.relatives.contains(child)) {
                sibling.relate(child, "sibling");
                child.relate(sibling, "sibling");
            }
        }
    }

    Organization organization(SplittableRandom rng, Organization.Kind kind) {
        List<String> words = pools.orgWords();
        String word = words.get(rng.nextInt(words.size()));
        PostalAddress address = usAddress(rng);
        String stem;
        String[] legal = {"", ""};
        switch (kind) {
            case SCHOOL -> {
                int shape = rng.nextInt(4);
                stem = switch (shape) {
                    case 0 -> word + " Community College";
                    case 1 -> "University of " + address.city();
                    case 2 -> word + " Language Institute";
                    default -> address.city() + " State University";
                };
            }
            case SPONSOR -> {
                stem = word + (rng.nextBoolean() ? " Family Services" : " Community Church");
                legal = rng.nextBoolean() ? LEGAL_FORMS[1] : legal;
            }
            default -> {
                stem = word + " " + INDUSTRIES[rng.nextInt(INDUSTRIES.length)];
                legal = LEGAL_FORMS[rng.nextInt(LEGAL_FORMS.length)];
            }
        }
        String ein = String.format(Locale.ROOT, "%02d-%07d", 10 + rng.nextInt(89), rng.nextInt(10_000_000));
        return new Organization(entityIds.get(), kind, stem, legal[0], legal[1], address, usPhone(rng, address), ein);
    }

    private Person newPerson(SplittableRandom rng, Culture culture, Country country, boolean male) {
        Person p = new Person(entityIds.get(), culture, male, country != null ? country : pools.countries(culture).pick(rng));
        p.given = pools.given(culture, male).pick(rng);
        p.surname = genderedSurname(culture, pools.surnames(culture).pick(rng), male);
        if (culture == Culture.HISPANIC) p.surname2 = pools.surnames(culture).pick(rng);
        if (culture == Culture.VIETNAMESE) {
            List<String> mids = pools.vietnameseMiddles();
            p.middle = !male && rng.nextDouble() < 0.7 ? "Thị" : mids.get(rng.nextInt(mids.size() - 1));
        } else if (culture == Culture.ANGLO && rng.nextDouble() < 0.6) {
            p.middle = pools.given(culture, male).pick(rng).latin();
        } else if (culture == Culture.SLAVIC && rng.nextDouble() < 0.5) {
            p.middle = patronymic(pools.given(culture, true).pick(rng).latin(), male);
        } else if ((culture == Culture.ARABIC || culture == Culture.WEST_AFRICAN || culture == Culture.INDIAN) && rng.nextDouble() < 0.3) {
            p.middle = pools.given(culture, true).pick(rng).latin();
        }
        if (p.middle != null && p.middle.equals(p.given.latin())) p.middle = null;
        return p;
    }

    private void fillRest(SplittableRandom rng, Person p) {
        int age = (REFERENCE_DAY - p.dobEpochDay) / 365;
        p.abroadAddress = abroadAddress(rng, p.country);
        if (rng.nextDouble() < 0.15 && p.previousAddress == null) p.previousAddress = usAddress(rng);
        if (rng.nextDouble() < 0.15) p.previousPhone = usPhone(rng, p.previousAddress != null ? p.previousAddress : p.address);
        if (age >= 14 && rng.nextDouble() < 0.55) p.email = email(rng, p);
        if (!"US".equals(p.country.alpha2()) && rng.nextDouble() < 0.75) p.aNumber = aNumber(rng);
        if (rng.nextDouble() < 0.8) p.passport = passport(rng, p.country);
        if (age >= 16 && rng.nextDouble() < 0.4) p.ssn = ssn(rng);
    }

    private static boolean sharesSurname(Culture c, SplittableRandom rng) {
        return switch (c) {
            case ANGLO, SLAVIC, INDIAN, WEST_AFRICAN -> rng.nextDouble() < 0.8;
            default -> false;
        };
    }

    /** Russian surnames take a feminine form (Ivanov/Ivanova, -sky/-skaya); others do not change. */
    static NameEntry genderedSurname(Culture c, NameEntry s, boolean male) {
        if (c != Culture.SLAVIC) return s;
        String latin = masculine(s.latin(), true);
        String script = s.script() == null ? null : masculine(s.script(), false);
        if (male) return new NameEntry(latin, script);
        return new NameEntry(feminine(latin, true), script == null ? null : feminine(script, false));
    }

    private static String masculine(String s, boolean latin) {
        if (latin) {
            if (s.endsWith("skaya")) return s.substring(0, s.length() - 4) + "y";
            if (s.endsWith("ova") || s.endsWith("eva") || s.endsWith("ina") || s.endsWith("yna")) return s.substring(0, s.length() - 1);
        } else {
            if (s.endsWith("ская") || s.endsWith("цкая")) return s.substring(0, s.length() - 2) + "ий";
            if (s.endsWith("ова") || s.endsWith("ева") || s.endsWith("ина")) return s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String feminine(String s, boolean latin) {
        if (latin) {
            if (s.endsWith("sky")) return s.substring(0, s.length() - 1) + "aya";
            if (s.endsWith("ov") || s.endsWith("ev") || s.endsWith("in") || s.endsWith("yn")) return s + "a";
        } else {
            if (s.endsWith("ий")) return s.substring(0, s.length() - 2) + "ая";
            if (s.endsWith("ов") || s.endsWith("ев") || s.endsWith("ин")) return s + "а";
        }
        return s;
    }

    private static String patronymic(String father, boolean male) {
        String stem = father.endsWith("y") || father.endsWith("i") ? father.substring(0, father.length() - 1) + "ev" : father + "ov";
        return stem + (male ? "ich" : "na");
    }

    /** An ordinary address: never one from the slice kept for rings. */
    PostalAddress usAddress(SplittableRandom rng) {
        PostalAddress a;
        do a = anyUsAddress(rng); while (RingValueSpace.reserved(a));
        return a;
    }

    private PostalAddress anyUsAddress(SplittableRandom rng) {
        NamePools.UsCity city = pools.usCities().pick(rng);
        String house = Integer.toString(1 + (int) (Math.pow(rng.nextDouble(), 2) * 9000));
        String unit = rng.nextDouble() < 0.35 ? (1 + rng.nextInt(30)) + (rng.nextBoolean() ? "" : String.valueOf((char) ('A' + rng.nextInt(6)))) : null;
        String zip = city.zipPrefix() + String.format(Locale.ROOT, "%02d", rng.nextInt(100));
        return new PostalAddress(house, pools.streets().pick(rng), STREET_TYPES[rng.nextInt(STREET_TYPES.length)], unit,
                city.name(), city.state(), zip, "US");
    }

    private PostalAddress abroadAddress(SplittableRandom rng, Country c) {
        String city = c.cities().get(rng.nextInt(c.cities().size()));
        String street = pools.streets().pick(rng);
        StringBuilder postcode = new StringBuilder();
        for (char ch : c.postcodePattern().toCharArray()) {
            postcode.append(ch == '#' ? (char) ('0' + rng.nextInt(10)) : ch == 'A' ? (char) ('A' + rng.nextInt(26)) : ch);
        }
        return new PostalAddress(Integer.toString(1 + rng.nextInt(300)), street, "", null, city, null,
                postcode.length() == 0 ? null : postcode.toString(), c.alpha2());
    }

    private String usPhone(SplittableRandom rng, PostalAddress a) {
        String phone;
        do phone = anyUsPhone(rng, a); while (RingValueSpace.reserved(SharedValue.Kind.PHONE, phone));
        return phone;
    }

    private String anyUsPhone(SplittableRandom rng, PostalAddress a) {
        String area = "201";
        for (NamePools.UsCity c : pools.usCities().items()) {
            if (c.name().equals(a.city())) {
                area = c.areaCodes()[rng.nextInt(c.areaCodes().length)];
                break;
            }
        }
        return area + (2 + rng.nextInt(8)) + digits(rng, 6, false);
    }

    private String email(SplittableRandom rng, Person p) {
        String email;
        do email = anyEmail(rng, p); while (RingValueSpace.reserved(SharedValue.Kind.EMAIL, email));
        return email;
    }

    private static String anyEmail(SplittableRandom rng, Person p) {
        String g = TextForms.asciiLower(p.given.latin()).replace(" ", "");
        String s = TextForms.asciiLower(p.surname.latin()).replace(" ", "").replace("'", "");
        String local = switch (rng.nextInt(4)) {
            case 0 -> g + "." + s;
            case 1 -> g.charAt(0) + s;
            case 2 -> g + s + (rng.nextInt(99) + 1);
            default -> g + "_" + s + (1940 + rng.nextInt(70));
        };
        return local + "@" + EMAIL_DOMAINS[rng.nextInt(EMAIL_DOMAINS.length)];
    }

    private static String passport(SplittableRandom rng, Country c) {
        if ("US".equals(c.alpha2())) return digits(rng, 9, true);
        if ("CN".equals(c.alpha2())) return "E" + digits(rng, 8, false);
        if ("IN".equals(c.alpha2())) return (char) ('A' + rng.nextInt(26)) + digits(rng, 7, true);
        return String.valueOf((char) ('A' + rng.nextInt(26))) + (char) ('A' + rng.nextInt(26)) + digits(rng, 7, false);
    }

    private static String ssn(SplittableRandom rng) {
        String ssn;
        do ssn = anySsn(rng); while (RingValueSpace.reserved(SharedValue.Kind.SSN, ssn));
        return ssn;
    }

    private static String aNumber(SplittableRandom rng) {
        String a;
        do a = "A" + digits(rng, 9, true); while (RingValueSpace.reserved(SharedValue.Kind.A_NUMBER, a));
        return a;
    }

    private static String anySsn(SplittableRandom rng) {
        int area;
        do area = 1 + rng.nextInt(899); while (area == 666);
        return String.format(Locale.ROOT, "%03d%02d%04d", area, 1 + rng.nextInt(99), 1 + rng.nextInt(9999));
    }

    static String digits(SplittableRandom rng, int n, boolean nonZeroFirst) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = (char) ('0' + (i == 0 && nonZeroFirst ? 1 + rng.nextInt(9) : rng.nextInt(10)));
        return new String(c);
    }

    private static int ageDays(SplittableRandom rng, int years) {
        return years * 365 + rng.nextInt(365);
    }
}
