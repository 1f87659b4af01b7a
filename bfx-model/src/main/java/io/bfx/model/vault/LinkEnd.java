package io.bfx.model.vault;

import io.bfx.model.Column;
import java.util.List;

/**
 * One hub a link connects: the hub, the source columns that hold its business key (in the hub's key order) and
 * the link's column for the hub's hash key.
 */
public record LinkEnd(Hub hub, List<Column> columns, String hashKeyColumn) {}
