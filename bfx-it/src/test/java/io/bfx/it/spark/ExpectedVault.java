package io.bfx.it.spark;

import io.bfx.it.spark.AwltMetadata.MetaColumn;
import io.bfx.model.hash.HashSpec;
import io.bfx.model.types.DataType;
import io.bfx.model.types.DataTypes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The Data Vault the example's metadata must give for the six objects of {@link AwltSales}, written out by hand
 * (not derived by bfx), and what its tables must hold, computed in Java from the persistent staging rows with the
 * hashing specification's reference implementation ({@link HashSpec}, docs/hashing.md) and the project's defaults:
 * SHA1, '~', 'NVL', business keys upper-cased and starting with the record source.
 */
final class ExpectedVault {

    static final HashSpec SPEC = new HashSpec("SHA1", "~", "NVL", true, true);
    static final String RECORD_SOURCE = "awlt";

    record Hub(String object, String table, String hashKey, String businessKey, List<String> keys) {
    }

    /** A link end: the link's column for a hub's hash key and the source columns that hold the hub's key. */
    record End(String column, List<String> columns) {
    }

    record Link(String object, String table, String linkKey, List<End> ends) {
    }

    /** A satellite of a hub or (the other null) a link. */
    record Satellite(String object, String table, Hub hub, Link link, List<String> attributes) {

        String parentKey() {
            return hub != null ? hub.hashKey() : link.linkKey();
        }

        /** The attributes in the hash diff: all but the notHashed ones, in ordinal order. */
        List<String> hashed() {
            List<String> notHashed = AwltMetadata.columns("SalesLT." + object).stream()
                    .filter(MetaColumn::notHashed).map(MetaColumn::name).toList();
            return attributes.stream().filter(a -> !notHashed.contains(a)).toList();
        }
    }

    static final Hub CUSTOMER = hub("Customer", "CustomerID");
    static final Hub ADDRESS = hub("Address", "AddressID");
    static final Hub PRODUCT = hub("Product", "ProductID");
    static final Hub ORDER = hub("SalesOrderHeader", "SalesOrderID");
    static final Hub ORDER_LINE = hub("SalesOrderDetail", "SalesOrderID", "SalesOrderDetailID");
    static final List<Hub> HUBS = List.of(CUSTOMER, ADDRESS, PRODUCT, ORDER, ORDER_LINE);

    static final Link CUSTOMER_ADDRESS = new Link("CustomerAddress", "LNK_CustomerAddress", "CustomerAddress_SK",
            List.of(new End("Customer_SK", List.of("CustomerID")), new End("Address_SK", List.of("AddressID"))));
    static final Link ORDER_CUSTOMER = reference(ORDER, "CustomerID", "Customer_SK");
    static final Link ORDER_SHIP_TO = reference(ORDER, "ShipToAddressID", "Address_SK");
    static final Link ORDER_BILL_TO = reference(ORDER, "BillToAddressID", "Address_SK");
    static final Link LINE_ORDER = reference(ORDER_LINE, "SalesOrderID", "SalesOrderHeader_SK");
    static final Link LINE_PRODUCT = reference(ORDER_LINE, "ProductID", "Product_SK");
    static final Link PRODUCT_CATEGORY = reference(PRODUCT, "ProductCategoryID", "ProductCategory_SK");
    static final Link PRODUCT_MODEL = reference(PRODUCT, "ProductModelID", "ProductModel_SK");
    static final List<Link> LINKS = List.of(CUSTOMER_ADDRESS, ORDER_CUSTOMER, ORDER_SHIP_TO, ORDER_BILL_TO,
            LINE_ORDER, LINE_PRODUCT, PRODUCT_CATEGORY, PRODUCT_MODEL);

    /** Descriptive columns only: no key, no reference that became a link, nothing IGN (the password columns). */
    static final List<Satellite> SATELLITES = List.of(
            new Satellite("Customer", "SAT_Customer", CUSTOMER, null, List.of("NameStyle", "Title", "FirstName",
                    "MiddleName", "LastName", "Suffix", "CompanyName", "SalesPerson", "EmailAddress", "Phone",
                    "rowguid", "ModifiedDate")),
            new Satellite("Address", "SAT_Address", ADDRESS, null, List.of("AddressLine1", "AddressLine2", "City",
                    "StateProvince", "CountryRegion", "PostalCode", "rowguid", "ModifiedDate")),
            new Satellite("CustomerAddress", "LSAT_CustomerAddress", null, CUSTOMER_ADDRESS,
                    List.of("AddressType", "rowguid", "ModifiedDate")),
            new Satellite("Product", "SAT_Product", PRODUCT, null, List.of("Name", "ProductNumber", "Color",
                    "StandardCost", "ListPrice", "Size", "Weight", "SellStartDate", "SellEndDate", "DiscontinuedDate",
                    "ThumbNailPhoto", "ThumbnailPhotoFileName", "rowguid", "ModifiedDate")),
            new Satellite("SalesOrderHeader", "SAT_SalesOrderHeader", ORDER, null, List.of("RevisionNumber",
                    "OrderDate", "DueDate", "ShipDate", "Status", "OnlineOrderFlag", "SalesOrderNumber",
                    "PurchaseOrderNumber", "AccountNumber", "ShipMethod", "CreditCardApprovalCode", "SubTotal",
                    "TaxAmt", "Freight", "TotalDue", "Comment", "rowguid", "ModifiedDate")),
            new Satellite("SalesOrderDetail", "SAT_SalesOrderDetail", ORDER_LINE, null, List.of("OrderQty",
                    "UnitPrice", "UnitPriceDiscount", "LineTotal", "rowguid", "ModifiedDate")));

    private ExpectedVault() {
    }

    private static Hub hub(String object, String... keys) {
        return new Hub(object, "HUB_" + object, object + "_SK", object + "_BK", List.of(keys));
    }

    /** The link of a reference column: the object's own hub first, then the referenced one. */
    private static Link reference(Hub own, String column, String hubKey) {
        String entity = own.object() + "_" + column;
        return new Link(own.object(), "LNK_" + entity, entity + "_SK",
                List.of(new End(own.hashKey(), own.keys()), new End(hubKey, List.of(column))));
    }

    /** The tables of one object's Silver unit in the order of its steps: hub, links, satellite. */
    static List<String> tablesOf(String object) {
        return Stream.of(HUBS.stream().filter(h -> h.object().equals(object)).map(Hub::table),
                LINKS.stream().filter(l -> l.object().equals(object)).map(Link::table),
                SATELLITES.stream().filter(s -> s.object().equals(object)).map(Satellite::table))
                .flatMap(s -> s).toList();
    }

    /** Canonical text of a value read from Spark, by the metadata type of its column (docs/hashing.md, 1). */
    static String canonical(String object, String column, Object value) {
        MetaColumn c = AwltMetadata.columns("SalesLT." + object).stream().filter(m -> m.name().equals(column))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(object + " has no column " + column));
        DataType type = DataTypes.parse(c.dataType()).type();
        Object v = value instanceof Instant i ? LocalDateTime.ofInstant(i, ZoneOffset.UTC) : value;
        if (v instanceof String s && type.kind() == DataType.Kind.BINARY) {
            v = java.util.HexFormat.of().parseHex(s);
        }
        return HashSpec.canonicalText(v, type);
    }

    static String businessKey(String object, Map<String, Object> row, List<String> columns) {
        return SPEC.businessKey(RECORD_SOURCE, columns.stream().map(c -> canonical(object, c, row.get(c))).toList());
    }

    static String hashKey(String object, Map<String, Object> row, List<String> columns) {
        return SPEC.hashKey(businessKey(object, row, columns));
    }

    static String linkKey(Link link, Map<String, Object> row) {
        return SPEC.linkKey(link.ends().stream().map(e -> businessKey(link.object(), row, e.columns())).toList());
    }

    static String hashDiff(Satellite s, Map<String, Object> row) {
        return SPEC.rowHash(s.hashed().stream().map(c -> canonical(s.object(), c, row.get(c))).toList());
    }

    /** The persistent staging rows of an object, oldest version first. */
    static List<Map<String, Object>> psa(String object) {
        return SilverGold.records(Bronze.PERSISTENT_STAGING, "awlt_" + object, "row_effective_from, row_audit_id");
    }

    static final List<String> HUB_COLUMNS = List.of("row_effective_from", "row_record_source", "row_audit_id");

    /** Hub rows: hash key, business key, then the first persistent staging row of the key's load columns. */
    static List<List<Object>> hubRows(Hub hub, List<Map<String, Object>> psa) {
        Map<String, List<Object>> first = new LinkedHashMap<>();
        for (Map<String, Object> r : psa) {
            String bk = businessKey(hub.object(), r, hub.keys());
            if (bk != null) {
                first.putIfAbsent(SPEC.hashKey(bk), row(SPEC.hashKey(bk), bk, r, HUB_COLUMNS));
            }
        }
        return sorted(first.values());
    }

    static List<String> hubColumns(Hub hub) {
        return concat(List.of(hub.hashKey(), hub.businessKey()), HUB_COLUMNS);
    }

    /** Link rows: link key, each end's hash key, then the first persistent staging row's load columns. */
    static List<List<Object>> linkRows(Link link, List<Map<String, Object>> psa) {
        Map<String, List<Object>> first = new LinkedHashMap<>();
        for (Map<String, Object> r : psa) {
            List<Object> values = new ArrayList<>();
            values.add(linkKey(link, r));
            link.ends().forEach(e -> values.add(hashKey(link.object(), r, e.columns())));
            HUB_COLUMNS.forEach(c -> values.add(r.get(c)));
            first.putIfAbsent((String) values.get(0), values);
        }
        return sorted(first.values());
    }

    static List<String> linkColumns(Link link) {
        return concat(concat(List.of(link.linkKey()), link.ends().stream().map(End::column).toList()), HUB_COLUMNS);
    }

    static final List<String> SATELLITE_LOAD_COLUMNS = List.of("row_effective_from", "row_record_source",
            "row_audit_id", "row_hash_diff");

    /**
     * Satellite rows: per parent key, the persistent staging versions in load order, each kept when its hash diff
     * differs from the one before (so A, B, A keeps three rows and a version that changed only columns outside
     * the satellite adds none): parent key, load columns, hash diff, attributes.
     */
    static List<List<Object>> satelliteRows(Satellite s, List<Map<String, Object>> psa) {
        Map<String, String> previous = new LinkedHashMap<>();
        List<List<Object>> out = new ArrayList<>();
        for (Map<String, Object> r : psa) {
            String key = s.hub() != null ? hashKey(s.object(), r, s.hub().keys()) : linkKey(s.link(), r);
            String hd = hashDiff(s, r);
            if (hd.equals(previous.put(key, hd))) {
                continue;
            }
            List<Object> values = new ArrayList<>(List.of(key, r.get("row_effective_from"),
                    r.get("row_record_source"), r.get("row_audit_id"), hd));
            s.attributes().forEach(a -> values.add(r.get(a)));
            out.add(values);
        }
        return sorted(out);
    }

    static List<String> satelliteColumns(Satellite s) {
        return concat(concat(List.of(s.parentKey()), SATELLITE_LOAD_COLUMNS), s.attributes());
    }

    private static List<Object> row(String hk, String bk, Map<String, Object> r, List<String> columns) {
        List<Object> values = new ArrayList<>(List.of(hk, bk));
        columns.forEach(c -> values.add(r.get(c)));
        return values;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Rows in the order the tests read tables: by their text, which starts with the key. */
    static List<List<Object>> sorted(java.util.Collection<List<Object>> rows) {
        return rows.stream().sorted(Comparator.comparing(ExpectedVault::text)).toList();
    }

    static String text(List<Object> row) {
        return String.join("|", row.stream().map(v -> Objects.toString(v, "\u0000")).toList());
    }
}
