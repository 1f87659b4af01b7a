package io.bfx.model.vault;

import io.bfx.model.Column;
import io.bfx.model.DataObject;
import java.util.List;

/**
 * A satellite of exactly one parent, a hub or a link (the other is null): the descriptive columns of its source
 * object, historised insert-only by hash diff.
 *
 * @param hashed the attributes in the hash diff (all but notHashed), in ordinal order
 */
public record Satellite(String name, DataObject source, Hub hub, Link link, List<Column> attributes,
        List<Column> hashed) {

    public String parentHashKey() {
        return hub != null ? hub.hashKey() : link.hashKey();
    }
}
