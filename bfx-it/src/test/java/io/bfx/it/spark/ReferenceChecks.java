package io.bfx.it.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every row of every Silver and Gold table compared with what {@link ExpectedVault} and {@link ExpectedMart}
 * compute in Java from persistent staging: hash keys, business keys, hash diffs, type 1 / type 2 hashes, load
 * columns, attributes, version validity, and each fact's dimension keys.
 */
final class ReferenceChecks {

    private ReferenceChecks() {
    }

    /** The hubs, links and satellites of the six objects of {@link AwltSales}; no zero key (DvAddZeroKeys N). */
    static void assertDataVault() {
        assertDataVault(AwltSales.all().stream().map(LandedTable::object).toList(), false);
    }

    /**
     * The hubs, links and satellites of the given objects. With zero keys (DvAddZeroKeys Y) each table holds one
     * ghost record besides the rows of the data, without none.
     */
    static void assertDataVault(List<String> objects, boolean zeroKeys) {
        Map<String, List<Map<String, Object>>> psa = new LinkedHashMap<>();
        for (ExpectedVault.Hub h : ExpectedVault.HUBS) {
            if (objects.contains(h.object())) {
                assertTable(h.table(), ExpectedVault.hubRows(h, psa(psa, h.object())),
                        dataVaultRows(h.table(), ExpectedVault.hubColumns(h), zeroKeys));
            }
        }
        for (ExpectedVault.Link l : ExpectedVault.LINKS) {
            if (objects.contains(l.object())) {
                assertTable(l.table(), ExpectedVault.linkRows(l, psa(psa, l.object())),
                        dataVaultRows(l.table(), ExpectedVault.linkColumns(l), zeroKeys));
            }
        }
        for (ExpectedVault.Satellite s : ExpectedVault.SATELLITES) {
            if (objects.contains(s.object())) {
                assertTable(s.table(), ExpectedVault.satelliteRows(s, psa(psa, s.object())),
                        dataVaultRows(s.table(), ExpectedVault.satelliteColumns(s), zeroKeys));
            }
        }
    }

    /** The rows of a Data Vault table but its ghost record, after checking how many ghost records it has. */
    private static List<List<Object>> dataVaultRows(String table, List<String> columns, boolean zeroKeys) {
        assertEquals(zeroKeys ? 1 : 0, SilverGold.count(SilverGold.DATA_VAULT, table, GHOST), table + ": ghost records");
        return SilverGold.rows(SilverGold.DATA_VAULT, table, columns, "NOT (" + GHOST + ")");
    }

    /** The ghost record: the zero key, record source GHOST. */
    static final String GHOST = "row_record_source = 'GHOST'";

    /** The dimensions and facts of the sales mart; returns the dimensions' rows by name. */
    static Map<String, List<Map<String, Object>>> assertMart() {
        Map<String, List<Map<String, Object>>> dimensions = new LinkedHashMap<>();
        for (ExpectedMart.Dimension d : ExpectedMart.DIMENSIONS) {
            List<Map<String, Object>> psa = ExpectedVault.psa(d.object());
            assertTable(d.name(), ExpectedMart.dimensionRows(d, psa),
                    SilverGold.rows(SilverGold.MART, d.name(), ExpectedMart.dimensionColumns(d), null));
            List<Map<String, Object>> rows = SilverGold.records(SilverGold.MART, d.name(), null);
            Set<Long> keys = new HashSet<>();
            for (Map<String, Object> r : rows) {
                long key = (Long) r.get(d.key());
                assertTrue(keys.add(key), d.name() + ": surrogate key " + key + " twice");
                assertTrue(key >= 1 || (key == -1 && "UNKNOWN".equals(r.get("row_record_source"))),
                        d.name() + ": surrogate key " + key);
            }
            dimensions.put(d.name(), rows);
        }
        for (ExpectedMart.Fact f : ExpectedMart.FACTS) {
            assertTable(f.name(), ExpectedMart.factRows(f, ExpectedVault.psa(f.object()), dimensions),
                    SilverGold.rows(SilverGold.MART, f.name(), ExpectedMart.factColumns(f), null));
        }
        return dimensions;
    }

    static void assertTable(String table, List<List<Object>> expected, List<List<Object>> actual) {
        List<List<Object>> sorted = ExpectedVault.sorted(actual);
        assertEquals(expected.size(), sorted.size(), table + ": row count; expected rows\n" + lines(expected)
                + "\nactual rows\n" + lines(sorted));
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), sorted.get(i), table + " row " + i);
        }
    }

    private static String lines(List<List<Object>> rows) {
        StringBuilder b = new StringBuilder();
        rows.forEach(r -> b.append("  ").append(ExpectedVault.text(r).replace('\u0000', '-')).append('\n'));
        return b.toString();
    }

    private static List<Map<String, Object>> psa(Map<String, List<Map<String, Object>>> cache, String object) {
        return cache.computeIfAbsent(object, ExpectedVault::psa);
    }
}
