package io.relata.app.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();
    private final char[] password = "correct horse battery staple".toCharArray();

    @Test
    void aPasswordVerifiesAgainstItsHashAndAnotherDoesNot() {
        String hash = hasher.hash(password);
        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.verify(password, hash)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler".toCharArray(), hash)).isFalse();
        assertThat(hasher.verify("Correct horse battery staple".toCharArray(), hash)).isFalse();
        assertThat(hasher.verify(new char[0], hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
    }

    @Test
    void eachHashHasItsOwnSalt() {
        String first = hasher.hash(password);
        String second = hasher.hash(password);
        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")[4]).isNotEqualTo(second.split("\\$")[4]);
        assertThat(hasher.verify(password, first)).isTrue();
        assertThat(hasher.verify(password, second)).isTrue();
    }

    @Test
    void verifiesHashesMadeByTheReferenceImplementation() {
        // echo -n 'correct horse battery staple' | argon2 relata-salt-16by -id -t 2 -k 19456 -p 1 -l 32 -e
        assertThat(hasher.verify(password, "$argon2id$v=19$m=19456,t=2,p=1$cmVsYXRhLXNhbHQtMTZieQ"
                + "$ZlCi9uupGAU1e0KcssDN5t0SO6XBTaUGX1w9b5oV9VI")).isTrue();
        // echo -n password | argon2 somesalt -id -t 2 -k 19456 -p 1 -l 32 -e: an 8-byte salt
        assertThat(hasher.verify("password".toCharArray(), "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ"
                + "$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E")).isTrue();
    }

    @Test
    void aTamperedOrForeignEncodingNeverVerifies() {
        String hash = hasher.hash(password);
        String[] parts = hash.split("\\$"); // "", argon2id, v=19, m=...,t=...,p=..., salt, hash
        String hashPart = parts[5];
        char flipped = hashPart.charAt(3) == 'A' ? 'B' : 'A';
        String otherHash = hashPart.substring(0, 3) + flipped + hashPart.substring(4);
        char saltFlipped = parts[4].charAt(0) == 'A' ? 'B' : 'A';
        String otherSalt = saltFlipped + parts[4].substring(1);
        for (String tampered : new String[] {
                "$argon2id$v=19$m=19456,t=2,p=1$" + parts[4] + "$" + otherHash,   // another hash
                "$argon2id$v=19$m=19456,t=2,p=1$" + otherSalt + "$" + hashPart,   // another salt
                "$argon2id$v=19$m=19456,t=3,p=1$" + parts[4] + "$" + hashPart,    // other parameters
                "$argon2id$v=19$m=19457,t=2,p=1$" + parts[4] + "$" + hashPart,
                "$argon2i$v=19$m=19456,t=2,p=1$" + parts[4] + "$" + hashPart,     // another algorithm
                "$argon2id$v=16$m=19456,t=2,p=1$" + parts[4] + "$" + hashPart,    // another version
                "$argon2id$v=19$m=019456,t=2,p=1$" + parts[4] + "$" + hashPart,   // not canonical
                "$argon2id$v=19$m=19456,t=2,p=1$" + parts[4] + "$" + hashPart + "=", // padded
                "$argon2id$v=19$m=19456,t=2,p=1$" + parts[4] + "$" + hashPart.substring(0, 30), // truncated
                "$argon2id$v=19$m=4194304,t=2,p=1$" + parts[4] + "$" + hashPart,  // 4 GiB: refused, not computed
                "$argon2id$v=19$m=19456,t=99,p=1$" + parts[4] + "$" + hashPart,
                hash + " ", "", "plain text", "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"}) {
            assertThat(hasher.verify(password, tampered)).as(tampered).isFalse();
        }
        assertThat(hasher.verify(password, null)).isFalse();
        assertThat(hasher.verify(password, hash)).isTrue();
    }

    @Test
    void aHashWithWeakerParametersShouldBeMadeAgain() {
        assertThat(hasher.needsRehash("$argon2id$v=19$m=4096,t=2,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E"))
                .isTrue();
        assertThat(hasher.needsRehash("$argon2id$v=19$m=19456,t=1,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E"))
                .isTrue();
        assertThat(hasher.needsRehash("garbage")).isTrue();
    }
}
