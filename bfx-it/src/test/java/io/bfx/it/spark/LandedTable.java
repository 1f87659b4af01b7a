package io.bfx.it.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of one AdventureWorksLT table as the extract lands them: the Parquet schema ADF's Copy activity writes
 * (see {@link AwltData}) and the values, ordered by the key.
 *
 * @param object the object name under SalesLT, which is also its landing folder and table suffix
 * @param keys the business key columns; the rows are in key order
 */
record LandedTable(String object, List<String> keys, StructType schema, List<Row> rows) {

    LandedTable {
        keys = List.copyOf(keys);
        rows = List.copyOf(rows);
        for (Row r : rows) {
            if (r.length() != schema.size()) {
                throw new IllegalArgumentException(object + ": row of " + r.length() + " values for "
                        + schema.size() + " columns");
            }
        }
    }

    LandedTable(String object, String key, StructType schema, List<Row> rows) {
        this(object, List.of(key), schema, rows);
    }

    /** The key column of a single-column key. */
    String key() {
        if (keys.size() != 1) {
            throw new IllegalStateException(object + " has a composite key " + keys);
        }
        return keys.get(0);
    }

    String qualifiedName() {
        return "SalesLT." + object;
    }

    /** The Bronze table name (record source, underscore, object). */
    String table() {
        return "awlt_" + object;
    }

    int size() {
        return rows.size();
    }

    Object value(int row, String column) {
        return rows.get(row).get(schema.fieldIndex(column));
    }

    /** The same rows with one value changed: what the next extract lands when one source row changed. */
    LandedTable withValue(int row, String column, Object value) {
        List<Row> changed = new ArrayList<>(rows);
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rows.get(row).get(i);
        }
        values[schema.fieldIndex(column)] = value;
        changed.set(row, RowFactory.create(values));
        return new LandedTable(object, keys, schema, changed);
    }

    /** The index of the row whose (first) key column holds {@code key}. */
    int indexOf(Object key) {
        for (int i = 0; i < rows.size(); i++) {
            if (key.equals(value(i, keys.get(0)))) {
                return i;
            }
        }
        throw new IllegalArgumentException(object + " has no row with " + keys.get(0) + " " + key);
    }

    /** The same rows with one value of the row of {@code key} changed. */
    LandedTable withValueOf(Object key, String column, Object value) {
        return withValue(indexOf(key), column, value);
    }

    /** The same rows and new ones after them (new keys, greater than the others: the rows stay in key order). */
    LandedTable withRows(Row... added) {
        List<Row> more = new ArrayList<>(rows);
        more.addAll(Arrays.asList(added));
        return new LandedTable(object, keys, schema, more);
    }

    @Override
    public String toString() {
        return object; // the display name of parameterized tests
    }

    static Row row(Object... values) {
        return RowFactory.create(Arrays.copyOf(values, values.length));
    }
}
