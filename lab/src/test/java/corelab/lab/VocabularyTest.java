package corelab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.modes.options.Balance;
import corelab.modes.options.Mode;
import corelab.modes.options.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The words for modes and balancing strategies are declared once, on {@link Mode} and
 * {@link Balance}: the README's tables, {@code -Dhelp=true} and the labs ({@link Labs#modes})
 * must say exactly those words, so that a description changed in one place cannot leave another
 * saying the old thing.
 */
class VocabularyTest {
    private static final Path README = Labs.projectRoot(Path.of("").toAbsolutePath()).resolve("README.md");

    @Test
    void theReadmeModeTableIsTheVocabulary() throws IOException {
        String readme = Files.readString(README);
        String table = Vocabulary.modeTable();
        assertTrue(readme.contains(table), "README.md's mode table must read, exactly:\n" + table);
    }

    @Test
    void theReadmeBalanceTableIsTheVocabulary() throws IOException {
        String readme = Files.readString(README);
        String table = Vocabulary.balanceTable();
        assertTrue(readme.contains(table), "README.md's balancing table must read, exactly:\n" + table);
    }

    @Test
    void aLabDescribesTheModesItComparesInTheSameWords() {
        assertEquals(Vocabulary.describe(Mode.PLATFORM) + "\n" + Vocabulary.describe(Mode.POLLER),
                Labs.modes("platform", "poller"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Labs.modes("tomcat"));
        assertTrue(unknown.getMessage().contains("poller"), "lists the valid modes: " + unknown.getMessage());
    }

    @Test
    void helpSaysEveryModeAndStrategyInTheSameWords() {
        String help = Main.usage();
        for (Mode mode : Mode.values()) {
            assertTrue(help.contains(mode.description() + " (" + mode.standsFor() + ")"), mode.word());
        }
        for (Balance balance : Balance.values()) {
            assertTrue(help.contains(balance.description() + " (" + balance.standsFor() + ")"), balance.word());
        }
    }
}
