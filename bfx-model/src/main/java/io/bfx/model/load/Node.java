package io.bfx.model.load;

import io.bfx.model.SourceLocation;

/**
 * A format-neutral tree of what a metadata file says, with the source location of every node. YAML and JSON files
 * are both read into this tree, so binding and validation are written once.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

    SourceLocation location();

    /** A short noun for messages: "a mapping", "a list", "a number"... */
    String kind();
}
