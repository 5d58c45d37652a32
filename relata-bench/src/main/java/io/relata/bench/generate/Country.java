package io.relata.bench.generate;

import java.util.List;

/** A country people come from: codes, calling code, postcode shape and a few cities. */
record Country(String alpha2, String alpha3, String name, String callingCode, String postcodePattern,
               Culture culture, List<String> cities) {}
