package org.alaraaudit.scanlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Names patients by a keyed hash of their identifier (HMAC-SHA-256, first 12 hex digits), so the same patient
 * can be followed across months without any report or store holding the identifier.
 */
public final class Pseudonymiser {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> mac;

    public Pseudonymiser(byte[] secret) {
        if (secret.length == 0) throw new IllegalArgumentException("the site secret is empty");
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.mac = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available in this Java runtime", e);
        }
    }

    public String pseudonym(String patientId) {
        byte[] h = mac.get().doFinal(patientId.trim().getBytes(StandardCharsets.UTF_8));
        char[] out = new char[12];
        for (int i = 0; i < 6; i++) {
            out[2 * i] = HEX[(h[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[h[i] & 0xF];
        }
        return new String(out);
    }
}
