package io.scrapline.alert.domain;

/**
 * A webhook signing secret the platform made for a member as their audience was written: shown once, in that write's
 * answer, and stored only sealed. {@code row} is the member's, from 1.
 */
public record IssuedSecret(int row, String name, String webhookUrl, String secret) {

    @Override
    public String toString() {
        return "IssuedSecret[row=" + row + "]";
    }
}
