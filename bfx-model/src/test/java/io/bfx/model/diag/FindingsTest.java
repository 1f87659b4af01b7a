package io.bfx.model.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bfx.model.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsTest {

    @Test
    void sortedIsByFileLineColumnThenCodeWithoutRepeats() {
        Findings f = new Findings();
        f.report(Code.BFX012, new SourceLocation("b.yml", 3, 7), "m", "");
        f.report(Code.BFX011, new SourceLocation("b.yml", 3, 7), "z", "");
        f.report(Code.BFX004, new SourceLocation("b.yml", 3, 2), "m", "");
        f.report(Code.BFX028, new SourceLocation("b.yml", 1, 9), "m", "");
        f.report(Code.BFX023, SourceLocation.ofFile("b.yml"), "m", "");
        f.report(Code.BFX009, new SourceLocation("a.yml", 40, 1), "m", "");
        f.report(Code.BFX011, new SourceLocation("b.yml", 3, 7), "z", ""); // reported twice, listed once
        assertEquals(List.of("a.yml:40:1 BFX009 m", "b.yml BFX023 m", "b.yml:1:9 BFX028 m", "b.yml:3:2 BFX004 m",
                "b.yml:3:7 BFX011 z", "b.yml:3:7 BFX012 m"), f.sorted().stream().map(Finding::format).toList());
    }

    @Test
    void reportUsesTheDefaultSeverityAndWarningsAreNotErrors() {
        Findings f = new Findings();
        f.report(Code.BFX024, SourceLocation.ofFile("a.yml"), "no objects", null);
        assertFalse(f.hasErrors());
        assertEquals(Severity.WARNING, f.sorted().get(0).severity());
        assertEquals("", f.sorted().get(0).hint());
        f.report(Code.BFX001, SourceLocation.ofFile("a.yml"), "syntax", "");
        assertTrue(f.hasErrors());
    }

    @Test
    void codesAreNumberedWithoutGaps() {
        Code[] codes = Code.values();
        for (int i = 0; i < codes.length; i++) {
            assertEquals(String.format("BFX%03d", i + 1), codes[i].name());
            assertFalse(codes[i].title().isBlank());
        }
    }
}
