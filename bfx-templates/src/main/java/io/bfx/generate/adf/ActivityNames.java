package io.bfx.generate.adf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Activity names derived from resource names. ADF limits an activity name to 55 characters; a longer name keeps
 * its start and gets a short hash of the whole name, so it stays unique and stable between runs.
 */
public final class ActivityNames {

    public static final int MAX_LENGTH = 55;
    private static final int HASH_LENGTH = 8;

    private ActivityNames() {}

    public static String fit(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
            return name.substring(0, MAX_LENGTH - HASH_LENGTH - 1) + "_" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
