package io.relata.bench.generate;

/**
 * A true address. US addresses keep their parts so sources can write them in their own style
 * (Street/St, Apartment/Apt/#); foreign ones are written as the country would.
 */
record PostalAddress(String house, String street, String streetType, String unit, String city, String region,
                     String postcode, String country) {
    boolean isUs() {
        return "US".equals(country);
    }
}
