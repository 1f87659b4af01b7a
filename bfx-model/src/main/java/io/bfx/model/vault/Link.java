package io.bfx.model.vault;

import io.bfx.model.DataObject;
import java.util.List;

/** A link derived from a source object: one row per combination of its hubs' business keys. */
public record Link(String name, String entity, DataObject source, List<LinkEnd> ends, String hashKey) {}
