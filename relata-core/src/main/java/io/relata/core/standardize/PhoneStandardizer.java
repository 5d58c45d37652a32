package io.relata.core.standardize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;

/**
 * Normalizes a phone number to E.164 with libphonenumber, and flags placeholder numbers (all one digit,
 * 1234567890, too few digits, the US fiction range 555-01xx).
 *
 * <p>Only possibility is required ({@code isPossibleNumber}: a plausible length for the country), not
 * validity: synthetic and test data use number ranges that are not allocated. Validity is reported.
 * Thread-safe: {@link PhoneNumberUtil} is.
 */
public final class PhoneStandardizer {

    /**
     * The E.164 form (null when unparseable or the country is unknown), whether it looks like a placeholder,
     * why it failed, whether libphonenumber calls it valid, and the national significant number: what
     * matching compares, so that "+1 212 555 0143" and "(212) 555-0143" from a source without a known
     * country still agree.
     */
    public record StandardPhone(String e164, boolean placeholder, String problem, boolean valid,
                                String nationalNumber) {}

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /**
     * Standardizes {@code raw}. {@code defaultRegion} (ISO 3166 alpha-2, or anything
     * {@link CountryStandardizer} knows) is the country of numbers written without "+"; when it is null
     * only numbers in international form ("+44 ...") parse.
     */
    public StandardPhone standardize(String raw, String defaultRegion) {
        if (raw == null) return new StandardPhone(null, false, "empty", false, null);
        // Pre-check on the digits alone: cheap, and catches the common junk before libphonenumber.
        int n = raw.length();
        char[] digits = new char[n];
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') digits[len++] = c;
        }
        if (len == 0) return new StandardPhone(null, false, "no digits", false, null);
        if (len > 20) return new StandardPhone(null, false, "too many digits", false, null);
        boolean placeholder = isPlaceholder(digits, 0, len);
        String region = region(defaultRegion);
        if (region.equals("ZZ") && !isInternational(raw)) {
            // no country to read a national number in: keep its digits, without a trunk prefix, for matching
            int start = 0;
            while (start < len && digits[start] == '0') start++;
            return new StandardPhone(null, placeholder, "no country for a national number", false,
                    new String(digits, start, len - start));
        }
        PhoneNumber number;
        try {
            number = PHONES.parse(raw, region);
        } catch (NumberParseException e) {
            return new StandardPhone(null, placeholder, e.getErrorType().name().toLowerCase(Locale.ROOT), false, null);
        }
        if (!PHONES.isPossibleNumber(number)) {
            return new StandardPhone(null, placeholder, "not a possible number", false, null);
        }
        String national = PHONES.getNationalSignificantNumber(number);
        if (!placeholder) {
            char[] nsn = national.toCharArray();
            placeholder = isPlaceholder(nsn, 0, nsn.length)
                    || number.getCountryCode() == 1 && isUsFiction(nsn);
        }
        String e164 = "+" + number.getCountryCode() + national;
        return new StandardPhone(e164, placeholder, null, PHONES.isValidNumber(number), national);
    }

    private static boolean isInternational(String raw) {
        String t = raw.strip();
        return t.startsWith("+") || t.startsWith("00");
    }

    private static String region(String defaultRegion) {
        if (defaultRegion == null || defaultRegion.isBlank()) return "ZZ";
        if (defaultRegion.length() == 2) return defaultRegion.toUpperCase(Locale.ROOT);
        String iso2 = CountryStandardizer.toIso2(defaultRegion);
        return iso2 == null ? "ZZ" : iso2;
    }

    /** All one digit, a run of consecutive digits, or fewer than 6 digits after leading zeros. */
    static boolean isPlaceholder(char[] d, int from, int to) {
        int start = from;
        while (start < to && d[start] == '0') start++;
        if (to - start < 6) return true;
        boolean same = true, ascending = true, descending = true;
        for (int i = from + 1; i < to; i++) {
            same &= d[i] == d[i - 1];
            ascending &= d[i] - '0' == (d[i - 1] - '0' + 1) % 10;
            descending &= (d[i] - '0' + 1) % 10 == d[i - 1] - '0';
        }
        return same || ascending || descending;
    }

    /** NANP 555-0100 to 555-0199 is reserved for fiction. */
    private static boolean isUsFiction(char[] nsn) {
        return nsn.length == 10 && nsn[3] == '5' && nsn[4] == '5' && nsn[5] == '5' && nsn[6] == '0' && nsn[7] == '1';
    }
}
