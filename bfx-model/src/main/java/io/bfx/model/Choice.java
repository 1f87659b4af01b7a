package io.bfx.model;

import java.util.List;

/**
 * An enumerated metadata value. Users write the {@link #label()}; BimlFlex users may also write the short code they
 * know from BimlFlex (for example {@code STG} for {@code StagingArea}). Parsing ignores case.
 */
public interface Choice {

    /** How a value is written and what it means: the words an enum constant carries. */
    record Text(String label, List<String> aliases, String description) {
        public Text {
            aliases = List.copyOf(aliases);
        }
    }

    /** The value's words. */
    Text text();

    /** The canonical spelling, as written in metadata and documentation. */
    default String label() {
        return text().label();
    }

    /** Other accepted spellings (BimlFlex codes). */
    default List<String> aliases() {
        return text().aliases();
    }

    /** What the value means, for the reference documentation and the JSON Schema. */
    default String description() {
        return text().description();
    }

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
