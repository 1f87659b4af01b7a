package io.bfx.model.naming;

import io.bfx.model.Connection;
import io.bfx.model.DataObject;

/**
 * The names bfx gives to what it generates. They live in the model, not in the templates, because validation must
 * detect two objects that would get the same name (BFX027) before anything is generated.
 */
public final class Names {

    private Names() {}

    /** Staging and persistent staging table name of an object: {@code <recordSource>_<object>}. */
    public static String bronzeTable(Connection source, DataObject object) {
        String rs = source == null || source.recordSource() == null ? "src" : source.recordSource();
        return rs + "_" + object.name();
    }
}
