package io.bfx.model.naming;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a name can become part of a file path, an ADF resource name or a Delta table or column name.
 * This is the first of two guards against writing outside the output folder; the writer checks every path again.
 */
public final class SafeNames {

    private static final String PATH_FORBIDDEN = "/\\:*?\"<>|";
    /** Characters Delta refuses in column names without column mapping. */
    private static final String COLUMN_FORBIDDEN = " ,;{}()=";
    private static final Pattern CODE = Pattern.compile("^[A-Za-z][A-Za-z0-9_]*$");
    public static final int MAX_LENGTH = 128;

    private SafeNames() {}

    /** Why {@code name} cannot be used in file and resource names, or empty when it can. */
    public static Optional<String> pathProblem(String name) {
        if (name == null) {
            return Optional.empty(); // reported as missing elsewhere
        }
        if (name.isBlank()) {
            return Optional.of("it is blank");
        }
        if (name.equals(".") || name.equals("..") || name.contains("..")) {
            return Optional.of("it contains '..'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return Optional.of("it contains a control character (code " + (int) c + ")");
            }
            if (PATH_FORBIDDEN.indexOf(c) >= 0) {
                return Optional.of("it contains '" + c + "'");
            }
        }
        if (!name.equals(name.strip())) {
            return Optional.of("it starts or ends with a space");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("it is longer than " + MAX_LENGTH + " characters");
        }
        return Optional.empty();
    }

    /** Why {@code name} cannot be a Delta column name, or empty when it can. */
    public static Optional<String> columnProblem(String name) {
        Optional<String> p = pathProblem(name);
        if (p.isPresent()) {
            return p;
        }
        if (name == null) {
            return Optional.empty();
        }
        for (int i = 0; i < name.length(); i++) {
            if (COLUMN_FORBIDDEN.indexOf(name.charAt(i)) >= 0) {
                return Optional.of("Delta column names cannot contain '" + name.charAt(i) + "'");
            }
        }
        return Optional.empty();
    }

    /** Why {@code code} cannot be a short code used inside table names (record source), or empty. */
    public static Optional<String> codeProblem(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return CODE.matcher(code).matches() && code.length() <= 32 ? Optional.empty()
                : Optional.of("it must start with a letter and hold only letters, digits and '_' (at most 32)");
    }
}
