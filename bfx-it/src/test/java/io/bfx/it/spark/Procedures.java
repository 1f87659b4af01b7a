package io.bfx.it.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.sql.SparkSession;

/**
 * Runs a generated procedure file on Spark. Open-source Spark has no CREATE PROCEDURE, so a CALL is emulated the
 * way its semantics define it: each parameter becomes a session variable of the same name and type, set to the
 * argument (or, when none is given, to the parameter's DEFAULT), and the body runs as one SQL script,
 * {@code BEGIN <body> END}. The body reads its parameters by name, exactly as in the procedure.
 */
final class Procedures {

    /** {@code IN name TYPE [DEFAULT literal]}. */
    record Parameter(String name, String type, String defaultSql) {
    }

    record Procedure(String name, List<Parameter> parameters, String body) {
    }

    private static final Pattern PROCEDURE = Pattern.compile(
            "(?s)CREATE OR REPLACE PROCEDURE\\s+(\\S+?)\\(\\n(.*?)\\n\\)\\n(.*?)\\nAS BEGIN\\n(.*)\\nEND;\\s*$");
    private static final Pattern PARAMETER = Pattern.compile(
            "^\\s*IN\\s+(\\w+)\\s+([A-Z]+(?:\\(\\d+(?:,\\s*\\d+)?\\))?)(?:\\s+DEFAULT\\s+('(?:[^'\\\\]|\\\\.)*'|-?\\d+))?\\s*,?\\s*$");

    private Procedures() {
    }

    static Procedure parse(Path file) {
        String text = Notebooks.read(file);
        Matcher m = PROCEDURE.matcher(text);
        if (!m.find()) {
            throw new AssertionError(file + " is not CREATE OR REPLACE PROCEDURE name(...) ... AS BEGIN ... END;");
        }
        List<Parameter> parameters = new ArrayList<>();
        for (String line : m.group(2).split("\\n")) {
            Matcher p = PARAMETER.matcher(line);
            if (!p.matches()) {
                throw new AssertionError(file + ": cannot read the parameter '" + line + "'");
            }
            parameters.add(new Parameter(p.group(1), p.group(2), p.group(3)));
        }
        return new Procedure(m.group(1), List.copyOf(parameters), m.group(4));
    }

    /** {@code CALL procedure(name => value, ...)}, emulated. Values: Long for BIGINT, String for STRING. */
    static void call(Path file, Map<String, Object> arguments) {
        Procedure procedure = parse(file);
        SparkSession spark = SharedSpark.session();
        Set<String> unused = new HashSet<>(arguments.keySet());
        for (Parameter p : procedure.parameters()) {
            unused.remove(p.name());
            spark.sql("DECLARE OR REPLACE VARIABLE " + p.name() + " " + p.type()
                    + (p.defaultSql() == null ? "" : " DEFAULT " + p.defaultSql()));
            if (arguments.containsKey(p.name())) {
                Map<String, Object> args = new LinkedHashMap<>();
                args.put("value", arguments.get(p.name()));
                spark.sql("SET VAR " + p.name() + " = :value", args);
            } else if (p.defaultSql() == null) {
                throw new AssertionError("CALL " + procedure.name() + " would fail: no value for " + p.name());
            }
        }
        if (!unused.isEmpty()) {
            throw new AssertionError(procedure.name() + " has no parameter " + unused);
        }
        String script = "BEGIN\n" + procedure.body() + "\nEND";
        try {
            spark.sql(script);
        } catch (RuntimeException e) {
            throw new AssertionError(file.getFileName() + ": the body failed on Spark: " + e.getMessage()
                    + "\n--- script ---\n" + script, e);
        }
    }
}
