package io.bfx.generate.adf;

import io.bfx.generate.GenerationException;

/** T-SQL quoting for the queries the pipelines send to SQL Server and Azure SQL Database sources. */
public final class TSql {

    private TSql() {}

    /** An identifier part in brackets, {@code ]} doubled: {@code [Order]]Lines]}. */
    public static String identifier(String part) {
        if (part == null || part.isEmpty()) {
            throw new GenerationException("An empty T-SQL identifier cannot be quoted");
        }
        for (int i = 0; i < part.length(); i++) {
            if (part.charAt(i) < 0x20) {
                throw new GenerationException("A T-SQL identifier contains a control character: " + part);
            }
        }
        return "[" + part.replace("]", "]]") + "]";
    }

    /** {@code [schema].[name]}, or {@code [name]} when the schema is empty. */
    public static String qualified(String schema, String name) {
        return schema == null || schema.isEmpty() ? identifier(name) : identifier(schema) + "." + identifier(name);
    }

    /** A Unicode string literal, quotes doubled: {@code N'O''Brien'}. */
    public static String literal(String value) {
        return "N'" + value.replace("'", "''") + "'";
    }
}
