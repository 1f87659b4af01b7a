package io.bfx.model.vault;

import io.bfx.model.Column;
import io.bfx.model.DataObject;

/**
 * A hub derived from a source object: one row per business key.
 *
 * @param entity the business entity, for example Customer
 * @param hashKey the hash key column, for example Customer_SK
 * @param businessKey the business key column, for example Customer_BK
 */
public record Hub(String name, String entity, DataObject source, java.util.List<Column> keyColumns, String hashKey,
        String businessKey) {}
