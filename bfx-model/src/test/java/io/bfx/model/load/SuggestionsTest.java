package io.bfx.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bfx.model.settings.Settings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> CONNECTION_KEYS = MetadataSpec.CONNECTION.keys();

    @Test
    void aMisspeltKeyFindsTheKeyItMeant() {
        assertEquals(Optional.of("integrationStage"), Suggestions.closest("integrationStge", CONNECTION_KEYS));
        assertEquals(Optional.of("systemType"), Suggestions.closest("sytemType", CONNECTION_KEYS));
        assertEquals(Optional.of("recordSource"), Suggestions.closest("recordsource", CONNECTION_KEYS));
        assertEquals(Optional.of("DatabricksUtilsDriver"), Suggestions.closest("DatabricksUtilDriver", Settings.keys()));
    }

    @Test
    void aSwapOfTwoNeighbouringLettersCountsAsOneEdit() {
        assertEquals(1, Suggestions.distance("integrationstgae", "integrationstage"));
        assertEquals(2, Suggestions.distance("abcd", "badc"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(0, Suggestions.distance("", ""));
        assertEquals(4, Suggestions.distance("", "four"));
        assertEquals(Optional.of("threads"), Suggestions.closest("thraeds", MetadataSpec.BATCH.keys()));
    }

    @Test
    void caseIsIgnoredAndAnExactMatchWinsOutright() {
        assertEquals(Optional.of("StagingArea"), Suggestions.closest("STAGINGAREA", List.of("StagingArea", "stagingare")));
        assertEquals(Optional.of("SqlServer"), Suggestions.closest("sqlserver", List.of("SqlServe", "SqlServer")));
    }

    @Test
    void aWordThatIsNotCloseGetsNoSuggestion() {
        assertEquals(Optional.empty(), Suggestions.closest("warehouse", CONNECTION_KEYS));
        // at most a third of the word's length: 'Staging' is 4 edits from 'StagingArea'
        assertEquals(Optional.empty(), Suggestions.closest("Staging", List.of("StagingArea", "LandingArea")));
        // and never more than 3, however long the word
        assertEquals(Optional.empty(), Suggestions.closest("DatabricksJobClusterX1234", List.of("DatabricksJobCluster")));
        assertEquals(Optional.of("DatabricksJobCluster"), Suggestions.closest("DatabricksJobClstr", List.of("DatabricksJobCluster")));
    }

    @Test
    void theAllowedDistanceIsAThirdOfTheWordAndAtMostThree() {
        // 7 letters allow 2 edits: 'cata' is 3 away from 'catalog', 'catal' 2
        assertEquals(Optional.empty(), Suggestions.closest("catalog", List.of("cata")));
        assertEquals(Optional.of("catal"), Suggestions.closest("catalog", List.of("catal")));
        // 24 letters would allow 8, but never more than 3
        assertEquals(Optional.of("DatabricksJobCluster"), Suggestions.closest("DatabricksJobClusterXYZ", List.of("DatabricksJobCluster")));
        assertEquals(Optional.empty(), Suggestions.closest("DatabricksJobClusterWXYZ", List.of("DatabricksJobCluster")));
    }

    @Test
    void shortWordsAllowOneEdit() {
        assertEquals(Optional.of("DV"), Suggestions.closest("XV", List.of("DV", "DM", "STG")));
        assertEquals(Optional.empty(), Suggestions.closest("XY", List.of("DV")));
    }

    @Test
    void tiesGoToTheAlphabeticallyFirstWhateverTheOrder() {
        assertEquals(Optional.of("bar"), Suggestions.closest("bat", List.of("cat", "bar")));
        assertEquals(Optional.of("bar"), Suggestions.closest("bat", List.of("bar", "cat")));
    }

    @Test
    void nothingToCompare() {
        assertEquals(Optional.empty(), Suggestions.closest(null, CONNECTION_KEYS));
        assertEquals(Optional.empty(), Suggestions.closest("", CONNECTION_KEYS));
        assertEquals(Optional.empty(), Suggestions.closest("name", List.of()));
    }

    @Test
    void theHintIsASentenceOrTheFallback() {
        assertEquals("Did you mean 'catalog'?", Suggestions.hint("catlog", CONNECTION_KEYS, "fallback"));
        assertEquals("fallback", Suggestions.hint("warehouse", CONNECTION_KEYS, "fallback"));
    }
}
