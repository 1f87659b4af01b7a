package io.bfx.model.load;

import io.bfx.model.SourceLocation;
import java.util.List;

/** A sequence of nodes. */
public record ListNode(SourceLocation location, List<Node> items) implements Node {

    public ListNode {
        items = List.copyOf(items);
    }

    @Override
    public String kind() {
        return "a list";
    }
}
