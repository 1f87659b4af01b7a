package io.bfx.it.spark;

import static io.bfx.it.spark.ExpectedVault.SPEC;
import static io.bfx.it.spark.ExpectedVault.canonical;
import static io.bfx.it.spark.ExpectedVault.concat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sales mart of examples/awlt-databricks/src/main/bfx/saleslt-mart.yml, written out by hand, and what its
 * tables must hold, computed in Java from the persistent staging rows:
 * <ul>
 * <li>a dimension keeps one version per run of equal type 2 (HST) values of a key, in load order; the first
 * version is valid from GlobalDefaultDate (0001-01-01), each later one from the load of its source row, each
 * until the next one starts (9999-12-31 when current); every version has the key's latest type 1 (CHG) values;
 * row_hash_type1 / row_hash_type2 are the hashes (docs/hashing.md) of those columns in the dimension's order;
 * plus the unknown member (-1);</li>
 * <li>a fact has one row per source key, its latest version, and for each dimension the key of the version valid
 * at the fact's date, -1 when there is none.</li>
 * </ul>
 */
final class ExpectedMart {

    /** A dimension: its source object, business key, and its columns in order, each type 1 or type 2. */
    record Dimension(String name, String object, List<String> keys, List<String> columns, List<String> type2) {

        String key() {
            return name + "_key";
        }

        List<String> type1() {
            return columns.stream().filter(c -> !type2.contains(c)).toList();
        }
    }

    /** A fact's reference to a dimension: its key column and the fact columns that hold the dimension's key. */
    record Lookup(String column, Dimension dimension, List<String> factColumns) {
    }

    record Fact(String name, String object, List<String> keys, String date, List<Lookup> lookups,
            List<String> measures) {
    }

    static final Dimension CUSTOMER = new Dimension("DimCustomer", "Customer", List.of("CustomerID"),
            List.of("Title", "FirstName", "LastName", "CompanyName", "SalesPerson", "EmailAddress", "Phone"),
            List.of("FirstName", "LastName", "CompanyName", "SalesPerson"));
    static final Dimension ADDRESS = new Dimension("DimAddress", "Address", List.of("AddressID"),
            List.of("City", "StateProvince", "CountryRegion", "PostalCode"),
            List.of("City", "StateProvince", "CountryRegion", "PostalCode"));
    static final Dimension PRODUCT = new Dimension("DimProduct", "Product", List.of("ProductID"),
            List.of("Name", "ProductNumber", "Color", "Size", "ListPrice", "StandardCost"),
            List.of("Color", "Size", "ListPrice", "StandardCost"));
    static final List<Dimension> DIMENSIONS = List.of(CUSTOMER, ADDRESS, PRODUCT);

    static final Fact ORDERS = new Fact("FactSalesOrder", "SalesOrderHeader", List.of("SalesOrderID"), "OrderDate",
            List.of(new Lookup("DimCustomer_key", CUSTOMER, List.of("CustomerID")),
                    new Lookup("ShipToAddress_key", ADDRESS, List.of("ShipToAddressID")),
                    new Lookup("BillToAddress_key", ADDRESS, List.of("BillToAddressID"))),
            List.of("SubTotal", "TaxAmt", "Freight", "TotalDue"));
    static final Fact ORDER_LINES = new Fact("FactSalesOrderLine", "SalesOrderDetail",
            List.of("SalesOrderID", "SalesOrderDetailID"), "ModifiedDate",
            List.of(new Lookup("DimProduct_key", PRODUCT, List.of("ProductID"))),
            List.of("OrderQty", "UnitPrice", "UnitPriceDiscount", "LineTotal"));
    static final List<Fact> FACTS = List.of(ORDERS, ORDER_LINES);

    static final List<String> VERSION_COLUMNS = List.of("row_valid_from", "row_valid_to", "row_is_current",
            "row_hash_type1", "row_hash_type2", "row_effective_from", "row_record_source", "row_audit_id");

    private ExpectedMart() {
    }

    /** The columns compared: all but the surrogate key, which the table generates. */
    static List<String> dimensionColumns(Dimension d) {
        return concat(concat(d.keys(), d.columns()), VERSION_COLUMNS);
    }

    static String typeHash(Dimension d, List<String> columns, Map<String, Object> row) {
        if (columns.isEmpty()) {
            return ""; // no such column: the hash column holds the empty string, as for the unknown member
        }
        return SPEC.rowHash(columns.stream().map(c -> canonical(d.object(), c, row.get(c))).toList());
    }

    /** The rows of a dimension (without its surrogate key), the unknown member included. */
    static List<List<Object>> dimensionRows(Dimension d, List<Map<String, Object>> psa) {
        Map<List<Object>, List<Map<String, Object>>> versions = new LinkedHashMap<>();
        Map<List<Object>, Map<String, Object>> latest = new LinkedHashMap<>();
        for (Map<String, Object> r : psa) {
            List<Object> key = d.keys().stream().map(r::get).toList();
            List<Map<String, Object>> v = versions.computeIfAbsent(key, k -> new ArrayList<>());
            if (v.isEmpty() || !typeHash(d, d.type2(), v.get(v.size() - 1)).equals(typeHash(d, d.type2(), r))) {
                v.add(r);
            }
            latest.put(key, r);
        }
        List<List<Object>> out = new ArrayList<>();
        for (Map.Entry<List<Object>, List<Map<String, Object>>> e : versions.entrySet()) {
            Map<String, Object> now = latest.get(e.getKey());
            List<Map<String, Object>> v = e.getValue();
            for (int i = 0; i < v.size(); i++) {
                Map<String, Object> version = v.get(i);
                List<Object> row = new ArrayList<>(e.getKey());
                for (String c : d.columns()) {
                    row.add(d.type2().contains(c) ? version.get(c) : now.get(c));
                }
                row.add(i == 0 ? SilverGold.BEGINNING : version.get("row_effective_from"));
                row.add(i + 1 < v.size() ? v.get(i + 1).get("row_effective_from") : SilverGold.END_OF_TIME);
                row.add(i + 1 == v.size());
                row.add(typeHash(d, d.type1(), now));
                row.add(typeHash(d, d.type2(), version));
                row.add(version.get("row_effective_from"));
                row.add(version.get("row_record_source"));
                row.add(version.get("row_audit_id"));
                out.add(row);
            }
        }
        List<Object> unknown = new ArrayList<>(Arrays.asList(new Object[d.keys().size() + d.columns().size()]));
        unknown.addAll(List.of(SilverGold.BEGINNING, SilverGold.END_OF_TIME, true, "", "", SilverGold.BEGINNING,
                "UNKNOWN", -1L));
        out.add(unknown);
        return ExpectedVault.sorted(out);
    }

    static List<String> factColumns(Fact f) {
        List<String> columns = new ArrayList<>(f.keys());
        f.lookups().forEach(l -> columns.add(l.column()));
        columns.add(f.date());
        columns.addAll(f.measures());
        columns.addAll(List.of("row_hash", "row_effective_from", "row_record_source", "row_audit_id"));
        return columns;
    }

    /**
     * The rows of a fact: the latest version of each source key, each dimension key resolved in the dimension as
     * it is now (its rows as {@link SilverGold#records} reads them), by name.
     */
    static List<List<Object>> factRows(Fact f, List<Map<String, Object>> psa,
            Map<String, List<Map<String, Object>>> dimensions) {
        Map<List<Object>, Map<String, Object>> latest = new LinkedHashMap<>();
        psa.forEach(r -> latest.put(f.keys().stream().map(r::get).toList(), r));
        List<List<Object>> out = new ArrayList<>();
        for (Map<String, Object> r : latest.values()) {
            List<Object> row = new ArrayList<>();
            f.keys().forEach(k -> row.add(r.get(k)));
            for (Lookup l : f.lookups()) {
                row.add(versionAt(l, r, (Instant) r.get(f.date()), dimensions.get(l.dimension().name())));
            }
            row.add(r.get(f.date()));
            f.measures().forEach(m -> row.add(r.get(m)));
            List.of("row_hash", "row_effective_from", "row_record_source", "row_audit_id").forEach(c -> row.add(r.get(c)));
            out.add(row);
        }
        return ExpectedVault.sorted(out);
    }

    /** The key of the dimension version of the fact's key valid at the date, or -1. */
    static long versionAt(Lookup l, Map<String, Object> fact, Instant date, List<Map<String, Object>> dimension) {
        Dimension d = l.dimension();
        List<Long> keys = new ArrayList<>();
        for (Map<String, Object> version : dimension) {
            long key = (Long) version.get(d.key());
            boolean sameKey = true;
            for (int i = 0; i < d.keys().size(); i++) {
                sameKey &= Objects.equals(version.get(d.keys().get(i)), fact.get(l.factColumns().get(i)));
            }
            if (key != -1 && sameKey && !date.isBefore((Instant) version.get("row_valid_from"))
                    && date.isBefore((Instant) version.get("row_valid_to"))) {
                keys.add(key);
            }
        }
        if (keys.size() > 1) {
            throw new AssertionError(d.name() + " has overlapping versions at " + date + ": " + keys);
        }
        return keys.isEmpty() ? -1L : keys.get(0);
    }
}
