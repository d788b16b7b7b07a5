package io.scrapline.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** RSA key pairs made for one JVM, and their PEM files, for the tokens of tests and the local run. */
final class TestKeys {

    private TestKeys() {
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A temporary PEM file of {@code type} ({@code PUBLIC KEY}, {@code PRIVATE KEY}), deleted when the JVM exits. */
    static Path pemFile(String prefix, String type, byte[] der) {
        try {
            Path file = Files.createTempFile(prefix, ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file,
                    "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                            + "\n-----END " + type + "-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
