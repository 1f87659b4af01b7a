package io.bfx.model.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"AWLT_SRC", "EXT_AWLT_DBR", "SalesLT", "Customer", "bfx-dev", "Kundenstämme", "v1.2",
        "Sales Order Header", "a"})
    void safePathNames(String name) {
        assertEquals(Optional.empty(), SafeNames.pathProblem(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "..|it contains '..'",
        ".|it contains '..'",
        "a..b|it contains '..'",
        "../etc|it contains '..'",
        "Sales/Orders|it contains '/'",
        "Sales\\Orders|it contains '\\'",
        "C:|it contains ':'",
        "what?|it contains '?'",
        "a*b|it contains '*'",
        "a<b|it contains '<'",
        "\" Customer\"|it starts or ends with a space",
        "\"Customer \"|it starts or ends with a space",
        "\"   \"|it is blank"})
    void unsafePathNames(String name, String problem) {
        assertEquals(Optional.of(problem), SafeNames.pathProblem(name));
    }

    @Test
    void quotesAndPipes() {
        assertEquals(Optional.of("it contains '\"'"), SafeNames.pathProblem("\"quoted\""));
        assertEquals(Optional.of("it contains '|'"), SafeNames.pathProblem("a|b"));
    }

    @Test
    void emptyAndControlCharacters() {
        assertEquals(Optional.of("it is blank"), SafeNames.pathProblem(""));
        assertEquals(Optional.of("it contains a control character (code 10)"), SafeNames.pathProblem("a\nb"));
        assertEquals(Optional.of("it contains a control character (code 9)"), SafeNames.pathProblem("a\tb"));
        assertEquals(Optional.of("it contains a control character (code 127)"), SafeNames.pathProblem("a\u007Fb"));
        assertEquals(Optional.of("it contains a control character (code 0)"), SafeNames.pathProblem("a\0b"));
    }

    @Test
    void missingIsNotUnsafe() {
        assertEquals(Optional.empty(), SafeNames.pathProblem(null));
        assertEquals(Optional.empty(), SafeNames.columnProblem(null));
        assertEquals(Optional.empty(), SafeNames.codeProblem(null));
    }

    @Test
    void lengthLimit() {
        assertEquals(Optional.empty(), SafeNames.pathProblem("x".repeat(SafeNames.MAX_LENGTH)));
        assertEquals(Optional.of("it is longer than 128 characters"),
                SafeNames.pathProblem("x".repeat(SafeNames.MAX_LENGTH + 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CustomerID", "rowguid", "Name_2", "Straße", "Order-Date"})
    void safeColumnNames(String name) {
        assertEquals(Optional.empty(), SafeNames.columnProblem(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Email Address|Delta column names cannot contain ' '",
        "a,b|Delta column names cannot contain ','",
        "a;b|Delta column names cannot contain ';'",
        "a{b}|Delta column names cannot contain '{'",
        "f(x)|Delta column names cannot contain '('",
        "a=b|Delta column names cannot contain '='",
        "a/b|it contains '/'",
        "..|it contains '..'"})
    void unsafeColumnNames(String name, String problem) {
        assertEquals(Optional.of(problem), SafeNames.columnProblem(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"awlt", "AWLT", "a", "src_2", "abcdefghijklmnopqrstuvwxyz012345"})
    void goodCodes(String code) {
        assertEquals(Optional.empty(), SafeNames.codeProblem(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1awlt", "_awlt", "aw-lt", "aw lt", "awlt.", "abcdefghijklmnopqrstuvwxyz0123456", "ä"})
    void badCodes(String code) {
        assertEquals(Optional.of("it must start with a letter and hold only letters, digits and '_' (at most 32)"),
                SafeNames.codeProblem(code));
    }
}
