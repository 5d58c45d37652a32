package io.relata.app.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the audit key lives, how it is created, and that it is never invented or shared by accident. */
class AuditKeyTest {
    @TempDir
    Path dir;

    @Test
    void isCreatedOnceWith32RandomBytesReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("keys/audit.key");
        AuditKey created = AuditKey.loadOrCreate(file);
        assertThat(Files.size(file)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        byte[] bytes = Files.readAllBytes(file);

        AuditKey again = AuditKey.loadOrCreate(file);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(again.mac(100, "ab".repeat(32))).isEqualTo(created.mac(100, "ab".repeat(32)))
                .hasSize(64).matches("[0-9a-f]{64}");
        assertThat(AuditKey.load(file).mac(100, "ab".repeat(32))).isEqualTo(created.mac(100, "ab".repeat(32)));
        assertThat(created.mac(101, "ab".repeat(32))).isNotEqualTo(created.mac(100, "ab".repeat(32)));
        assertThat(AuditKey.loadOrCreate(dir.resolve("other.key")).mac(100, "ab".repeat(32)))
                .isNotEqualTo(created.mac(100, "ab".repeat(32)));
        assertThat(created.toString()).doesNotContain(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void theMacIsHmacSha256OfSeqAndHash() throws Exception {
        Path file = dir.resolve("fixed.key");
        Files.write(file, new byte[32]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal(("7|" + "c".repeat(64)).getBytes()));
        assertThat(AuditKey.load(file).mac(7, "c".repeat(64))).isEqualTo(expected);
    }

    @Test
    void verificationNeverInventsAKeyAndADamagedOrExposedKeyIsRefused() throws Exception {
        Path missing = dir.resolve("missing.key");
        assertThatThrownBy(() -> AuditKey.load(missing)).isInstanceOf(AuditUnavailableException.class)
                .hasMessageContaining("no audit key at " + missing);
        assertThat(missing).doesNotExist();

        Path shortFile = Files.write(dir.resolve("short.key"), new byte[5]);
        Files.setPosixFilePermissions(shortFile, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> AuditKey.load(shortFile)).isInstanceOf(AuditUnavailableException.class)
                .hasMessageContaining("is 5 bytes, not at least 32");

        Path exposed = dir.resolve("exposed.key");
        AuditKey.loadOrCreate(exposed);
        Files.setPosixFilePermissions(exposed, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> AuditKey.load(exposed)).isInstanceOf(AuditUnavailableException.class)
                .hasMessageContaining("can be read by others (rw-r--r--)").hasMessageContaining("chmod 600");
    }

    @Test
    void livesNextToAnEmbeddedStoreOrWhereTheEnvironmentSays() {
        assertThat(AuditKey.defaultFile(dir.resolve("store").toString(), Map.of()))
                .isEqualTo(dir.resolve("store").resolve("audit.key").toAbsolutePath());
        assertThat(AuditKey.defaultFile(null, Map.of())).isEqualTo(Path.of("relata-data", "audit.key").toAbsolutePath());
        assertThat(AuditKey.defaultFile("jdbc:h2:mem:x", Map.of(AuditKey.FILE_ENV, dir.resolve("k").toString())))
                .isEqualTo(dir.resolve("k"));
        assertThat(AuditKey.defaultFile("some/dir", Map.of(AuditKey.FILE_ENV, dir.resolve("k").toString())))
                .isEqualTo(dir.resolve("k"));
        assertThatThrownBy(() -> AuditKey.defaultFile("jdbc:postgresql://db/relata", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(AuditKey.FILE_ENV);
    }
}
