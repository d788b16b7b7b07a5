package io.scrapline.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String K1 = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = "k2:"
            + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void sealsWithTheCurrentKeyAndOpensAgain() {
        SecretBox box = new SecretBox(List.of(K1), "k1");
        String sealed = box.seal("whsec_abc");
        assertThat(sealed).startsWith("enc:v1:k1:").doesNotContain("whsec_abc");
        assertThat(box.seal("whsec_abc")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed)).isEqualTo("whsec_abc");
        assertThat(box.isCurrent(sealed)).isTrue();
        assertThat(box.open(null)).isNull();
        assertThat(box.seal(null)).isNull();
    }

    @Test
    void aPlaintextValueFromBeforeEncryptionReadsAsItIsAndIsSealedOnReseal() {
        SecretBox box = new SecretBox(List.of(K1), "k1");
        assertThat(box.open("whsec_old")).isEqualTo("whsec_old");
        assertThat(box.isCurrent("whsec_old")).isFalse();
        String resealed = box.reseal("whsec_old");
        assertThat(resealed).startsWith("enc:v1:k1:");
        assertThat(box.open(resealed)).isEqualTo("whsec_old");
    }

    @Test
    void rotationKeepsOldValuesReadableAndResealsThemUnderTheNewKey() {
        String underK1 = new SecretBox(List.of(K1), "k1").seal("pw");
        SecretBox rotated = new SecretBox(List.of(K2, K1), "k2");
        assertThat(rotated.open(underK1)).isEqualTo("pw");
        assertThat(rotated.isCurrent(underK1)).isFalse();
        String underK2 = rotated.reseal(underK1);
        assertThat(underK2).startsWith("enc:v1:k2:");
        assertThat(rotated.reseal(underK2)).isSameAs(underK2);
        assertThat(new SecretBox(List.of(K2), "k2").open(underK2)).isEqualTo("pw");
        assertThatThrownBy(() -> new SecretBox(List.of(K2), "k2").open(underK1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("key k1");
    }

    @Test
    void aTamperedOrRelabelledValueDoesNotOpen() {
        SecretBox box = new SecretBox(List.of(K1, K2), "k1");
        String sealed = box.seal("pw");
        char[] chars = sealed.toCharArray();
        chars[chars.length - 3] = chars[chars.length - 3] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> box.open(new String(chars))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open(sealed.replace("enc:v1:k1:", "enc:v1:k2:")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesBadKeysAndSealingWithoutAKey() {
        assertThatThrownBy(() -> new SecretBox(List.of("k1:c2hvcnQ="), "k1")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SecretBox(List.of(K1), "k9")).hasMessageContaining("not in the key ring");
        assertThatThrownBy(() -> new SecretBox(List.of("no-key-id"), null)).hasMessageContaining("<key id>");
        SecretBox none = new SecretBox(List.of(), null);
        assertThat(none.configured()).isFalse();
        assertThatThrownBy(() -> none.seal("pw")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SCRAPLINE_SECRETS_KEYS");
    }
}
