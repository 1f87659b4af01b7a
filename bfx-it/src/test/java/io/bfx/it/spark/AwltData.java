package io.bfx.it.spark;

import static io.bfx.it.spark.LandedTable.row;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Small AdventureWorksLT extracts (Customer, Address, SalesOrderHeader) as ADF's Copy activity lands them in
 * Parquet: SQL Server int as INT32, bit as BOOLEAN, nvarchar/varchar and uniqueidentifier as UTF8 strings, datetime
 * as INT96 timestamps (no time zone: wall-clock UTC), money as DECIMAL(19,4); tinyint as a 32-bit integer (Parquet
 * has no 8-bit physical type), so the generated CAST to SMALLINT does real work. The values hold what the load must get right: NULLs in
 * nullable columns, strings with surrounding spaces (kept in staging, trimmed for the hash), a GUID in braces and
 * upper case next to lower-case ones, fractional seconds, decimals with trailing zeros.
 */
final class AwltData {

    private static final DataType MONEY = DataTypes.createDecimalType(19, 4);

    private AwltData() {
    }

    static List<LandedTable> all() {
        return List.of(customer(), address(), salesOrderHeader());
    }

    static LandedTable customer() {
        StructType schema = schema(
                "CustomerID", DataTypes.IntegerType,
                "NameStyle", DataTypes.BooleanType,
                "Title", DataTypes.StringType,
                "FirstName", DataTypes.StringType,
                "MiddleName", DataTypes.StringType,
                "LastName", DataTypes.StringType,
                "Suffix", DataTypes.StringType,
                "CompanyName", DataTypes.StringType,
                "SalesPerson", DataTypes.StringType,
                "EmailAddress", DataTypes.StringType,
                "Phone", DataTypes.StringType,
                "PasswordHash", DataTypes.StringType,
                "PasswordSalt", DataTypes.StringType,
                "rowguid", DataTypes.StringType,
                "ModifiedDate", DataTypes.TimestampType);
        return new LandedTable("Customer", "CustomerID", schema, List.of(
                row(1, false, "Mr.", "Orlando", "N.", "Gee", null, "A Bike Store", "adventure-works\\pamela0",
                        "orlando0@adventure-works.com", "245-555-0173",
                        "L/Rlwxzp4w7RWmEgXX+/A7cXaePEPcp+KwQhl2fJL7w=", "1KjXYs4=",
                        "3f5ae95e-b87d-4aed-95b4-c3797afcb74f", ts("2005-08-01T00:00:00")),
                row(2, false, "Mr.", "Keith", null, "Harris", null, "Progressive Sports", "adventure-works\\david8",
                        "keith0@adventure-works.com", "170-555-0127",
                        "YPdtRdvqeAhj6wyxEsFdshBDNXxkCXn+CRgbvJItknw=", "fs1ZGhY=",
                        "e552f657-a9af-4a7d-a645-c429d6e02491", ts("2006-08-01T00:00:00")),
                row(3, true, "Ms.", "  Donna ", "F.", "Carreras", null, "Advanced Bike Components",
                        "adventure-works\\jillian0", "donna0@adventure-works.com", "279-555-0130",
                        "LNoK27abGQo48gGue3EBV/UrlYSToV0/s87dCRV7uJk=", "YTNH5Rw=",
                        "{E7BD64B9-D5BE-4C1B-9A1C-2F8F8A7D1E08}", ts("2007-08-01T00:00:00.123")),
                row(4, false, null, "Janet", "M.", "Gates", "Jr.", "Modular Cycle Systems",
                        "adventure-works\\jillian0", "janet1@adventure-works.com", "710-555-0173",
                        "ElzTpSNbUW1Ut+L5cWlfR7MF6nBZia8WpmGaQPjLOJA=", "nm7D5e4=",
                        "2a52d5b0-8e7f-4b4b-a1f3-79f1c4be0f3b", ts("2008-12-31T23:59:59.997")),
                row(5, false, "Sr.", "Lucy", null, "Harrington", null, null, null, null, null,
                        "KJqV15wsX3PG8TS5GSddp6LFFVdd3CoRftZM/tP0+R4=", "cNFKU4w=",
                        "c3f4b1e2-7d5a-4f6e-9b8c-0d1e2f3a4b5c", ts("2009-01-02T03:04:05.006"))));
    }

    static LandedTable address() {
        StructType schema = schema(
                "AddressID", DataTypes.IntegerType,
                "AddressLine1", DataTypes.StringType,
                "AddressLine2", DataTypes.StringType,
                "City", DataTypes.StringType,
                "StateProvince", DataTypes.StringType,
                "CountryRegion", DataTypes.StringType,
                "PostalCode", DataTypes.StringType,
                "rowguid", DataTypes.StringType,
                "ModifiedDate", DataTypes.TimestampType);
        return new LandedTable("Address", "AddressID", schema, List.of(
                row(9, "8713 Yosemite Ct.", null, "Bothell", "Washington", "United States", "98011",
                        "268af621-76d7-4c78-9441-144fd139821a", ts("2006-07-01T00:00:00")),
                row(11, "1318 Lasalle Street", null, "Bothell", "Washington", "United States", "98011",
                        "981b3303-aca2-49c7-9a96-fb670785b269", ts("2007-04-01T00:00:00")),
                row(25, "9178 Jumping St.", "Suite 3 ", "Dallas", "Texas", "United States", "75201",
                        "c8df3bd9-48f0-4654-a8dd-14a5a0d4f0d9", ts("2006-09-01T12:30:45.5")),
                row(28, "9228 Via Del Sol", null, "Phoenix", "Arizona", "United States", "85004",
                        "12ae5ee1-fc3e-468b-9b92-3b970b169774", ts("2005-09-01T00:00:00"))));
    }

    static LandedTable salesOrderHeader() {
        StructType schema = schema(
                "SalesOrderID", DataTypes.IntegerType,
                "RevisionNumber", DataTypes.IntegerType,
                "OrderDate", DataTypes.TimestampType,
                "DueDate", DataTypes.TimestampType,
                "ShipDate", DataTypes.TimestampType,
                "Status", DataTypes.IntegerType,
                "OnlineOrderFlag", DataTypes.BooleanType,
                "SalesOrderNumber", DataTypes.StringType,
                "PurchaseOrderNumber", DataTypes.StringType,
                "AccountNumber", DataTypes.StringType,
                "CustomerID", DataTypes.IntegerType,
                "ShipToAddressID", DataTypes.IntegerType,
                "BillToAddressID", DataTypes.IntegerType,
                "ShipMethod", DataTypes.StringType,
                "CreditCardApprovalCode", DataTypes.StringType,
                "SubTotal", MONEY,
                "TaxAmt", MONEY,
                "Freight", MONEY,
                "TotalDue", MONEY,
                "Comment", DataTypes.StringType,
                "rowguid", DataTypes.StringType,
                "ModifiedDate", DataTypes.TimestampType);
        return new LandedTable("SalesOrderHeader", "SalesOrderID", schema, List.of(
                row(71774, 2, ts("2008-06-01T00:00:00"), ts("2008-06-13T00:00:00"), ts("2008-06-08T00:00:00"), 5,
                        false, "SO71774", "PO348186287", "10-4020-000609", 29847, 1092, 1092,
                        "CARGO TRANSPORT 5", "105041Vi84182", money("880.3484"), money("70.4279"),
                        money("22.0087"), money("972.7850"), null, "e3a1994c-7a68-4ce8-96a3-77fdd3bbd730",
                        ts("2008-06-08T00:00:00")),
                row(71776, 2, ts("2008-06-01T00:00:00"), ts("2008-06-13T00:00:00"), null, 1, true, "SO71776",
                        null, "10-4020-000106", 30072, 640, 640, "CARGO TRANSPORT 5", null, money("78.8100"),
                        money("6.3048"), money("1.9703"), money("87.0851"), "Leave at the back door ",
                        "8a3448c5-e677-4158-a29b-dd33069be0b0", ts("2008-06-08T10:11:12.340")),
                row(71780, 2, ts("2008-06-01T00:00:00"), ts("2008-06-13T00:00:00"), ts("2008-06-08T00:00:00"), 5,
                        false, "SO71780", "PO19952192051", "10-4020-000340", 30113, 653, 653,
                        "CARGO TRANSPORT 5", "", money("38418.6895"), money("3073.4952"), money("960.4674"),
                        money("42452.6521"), "", "a47665d2-7ac9-4cf3-8a8b-2a3883554284",
                        ts("2008-06-08T00:00:00")),
                row(71782, 3, ts("2008-06-01T00:00:00.003"), ts("2008-06-13T00:00:00"), ts("2008-06-08T00:00:00"),
                        5, false, "SO71782", "PO19372114749", "10-4020-000601", 29485, null, null,
                        "CARGO TRANSPORT 5", "105041Vi84182", money("0.0000"), money("-0.0100"), money("0.5000"),
                        money("12345678901234.5678"), null, "{F1F2F3F4-0A0B-4C4D-8E8F-A0A1A2A3A4A5}",
                        ts("2008-06-08T00:00:00"))));
    }

    /**
     * Two rows for any object of the example, made from its metadata: the first with a value in every column,
     * the second with NULL in every nullable one. Fixed-length strings are padded as nchar/char values are, and
     * every key column grows from the first row to the second, so the rows are in key order.
     */
    static LandedTable generated(String qualifiedName) {
        List<AwltMetadata.MetaColumn> columns = AwltMetadata.columns(qualifiedName);
        List<StructField> fields = new ArrayList<>();
        List<Object[]> rows = List.of(new Object[columns.size()], new Object[columns.size()]);
        for (int c = 0; c < columns.size(); c++) {
            AwltMetadata.MetaColumn column = columns.get(c);
            fields.add(DataTypes.createStructField(column.name(), landedType(column.dataType()), true));
            for (int r = 0; r < rows.size(); r++) {
                boolean nullValue = r == 1 && column.nullable();
                rows.get(r)[c] = nullValue ? null : value(column, r + 1, c);
            }
        }
        List<String> keys = columns.stream().filter(AwltMetadata.MetaColumn::primaryKey)
                .map(AwltMetadata.MetaColumn::name).toList();
        return new LandedTable(qualifiedName.substring(qualifiedName.indexOf('.') + 1), keys,
                DataTypes.createStructType(fields), rows.stream().map(LandedTable::row).toList());
    }

    /** The Parquet schema ADF's Copy activity lands an object of the example with, from its metadata. */
    static StructType landedSchema(String qualifiedName) {
        return DataTypes.createStructType(AwltMetadata.columns(qualifiedName).stream()
                .map(c -> DataTypes.createStructField(c.name(), landedType(c.dataType()), true)).toList());
    }

    /** The Parquet type ADF's Copy activity lands a metadata type as (as Spark reads it back). */
    static DataType landedType(String dataType) {
        String base = dataType.replaceAll("\\(.*", "");
        return switch (base) {
            case "Int32", "Byte" -> DataTypes.IntegerType;
            case "Int16" -> DataTypes.ShortType;
            case "Boolean" -> DataTypes.BooleanType;
            case "String", "AnsiString", "StringFixedLength", "AnsiStringFixedLength", "Guid", "Xml" ->
                    DataTypes.StringType;
            case "DateTime" -> DataTypes.TimestampType;
            case "Currency" -> MONEY;
            case "Decimal" -> BronzeLoadScenario.databricksType(dataType);
            case "Binary" -> DataTypes.BinaryType;
            default -> throw new IllegalArgumentException("no landed type for " + dataType);
        };
    }

    private static Object value(AwltMetadata.MetaColumn column, int row, int ordinal) {
        String type = column.dataType();
        String base = type.replaceAll("\\(.*", "");
        Matcher length = Pattern.compile("\\((\\d+)\\)").matcher(type);
        return switch (base) {
            case "Int32", "Byte" -> 10 * row + ordinal;
            case "Int16" -> (short) (10 * row + ordinal);
            case "Boolean" -> row % 2 == 0;
            case "StringFixedLength", "AnsiStringFixedLength" -> {
                int n = length.find() ? Integer.parseInt(length.group(1)) : 10;
                yield String.format("%-" + n + "s", "v" + row);
            }
            case "String", "AnsiString" -> " " + column.name() + " " + row + " ";
            case "Xml" -> "<doc row=\"" + row + "\"/>";
            case "Guid" -> UUID.nameUUIDFromBytes((column.name() + row).getBytes(StandardCharsets.UTF_8)).toString();
            case "DateTime" -> ts("2008-0" + row + "-1" + ordinal % 10 + "T10:11:12.34" + row);
            case "Currency" -> money(row + "" + ordinal + ".5000");
            case "Decimal" -> new BigDecimal(row + "." + ordinal)
                    .setScale(((DecimalType) BronzeLoadScenario.databricksType(type)).scale());
            case "Binary" -> new byte[] {(byte) row, 0x0A, (byte) 0xFF};
            default -> throw new IllegalArgumentException("no test value for " + type);
        };
    }

    /** A datetime as ADF lands it: the SQL Server wall-clock value, as UTC. */
    static Instant ts(String localDateTime) {
        return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC);
    }

    static BigDecimal money(String value) {
        BigDecimal d = new BigDecimal(value);
        if (d.scale() != 4) {
            throw new IllegalArgumentException("money has scale 4: " + value);
        }
        return d;
    }

    private static StructType schema(Object... nameTypePairs) {
        StructField[] fields = new StructField[nameTypePairs.length / 2];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = DataTypes.createStructField((String) nameTypePairs[2 * i],
                    (DataType) nameTypePairs[2 * i + 1], true);
        }
        return DataTypes.createStructType(fields);
    }
}
