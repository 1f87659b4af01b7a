package io.bfx.templates;

import java.util.ArrayList;
import java.util.List;

/**
 * A list for templates that need separators: each item knows whether it is first or last, so a JSON template can
 * write {@code {{^last}},{{/last}}} between items.
 */
public final class Seq {

    private Seq() {}

    /** One element with its position. Templates reach the element's fields with {@code {{#it}}...{{/it}}}. */
    public record Item<T>(T it, int index, boolean first, boolean last) {}

    public static <T> List<Item<T>> of(List<T> items) {
        List<Item<T>> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(new Item<>(items.get(i), i, i == 0, i == items.size() - 1));
        }
        return out;
    }
}
