package io.bfx.model.vault;

import io.bfx.model.Column;
import io.bfx.model.DataObject;

/** A reference column that could not become a link, and why (reported as BFX029). */
public record SkippedReference(DataObject object, Column column, String reason) {}
