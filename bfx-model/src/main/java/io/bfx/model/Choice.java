package io.bfx.model;

import java.util.List;

/**
 * An enumerated metadata value. Users write the {@link #label()}; BimlFlex users may also write the short code they
 * know from BimlFlex (for example {@code STG} for {@code StagingArea}). Parsing ignores case.
 */
public interface Choice {

    /** The canonical spelling, as written in metadata and documentation. */
    String label();

    /** Other accepted spellings (BimlFlex codes). */
    default List<String> aliases() {
        return List.of();
    }

    /** What the value means, for the reference documentation and the JSON Schema. */
    String description();

    static <E extends Enum<E> & Choice> E parse(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        for (E e : type.getEnumConstants()) {
            if (e.label().equalsIgnoreCase(t)) {
                return e;
            }
            for (String alias : e.aliases()) {
                if (alias.equalsIgnoreCase(t)) {
                    return e;
                }
            }
        }
        return null;
    }

    static <E extends Enum<E> & Choice> List<String> labels(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Choice::label).toList();
    }
}
