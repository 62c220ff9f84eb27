package org.dialoog.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Folding keeps every line within 75 octets, never splits a character, and unfolds to what it folded. */
class ContentLinesTest {

    @Property
    void foldedLinesFitAndUnfoldToTheOriginal(@ForAll("contentLines") String line) {
        String folded = ContentLines.fold(line);
        List<String> physical = CalendarWitness.physicalLines(folded);
        for (int i = 0; i < physical.size(); i++) {
            String part = physical.get(i);
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            // a character split in two would leave a lone surrogate, which does not survive UTF-8
            assertThat(new String(part.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .isEqualTo(part);
            assertThat(part.startsWith(" ")).isEqualTo(i > 0);
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n");
    }

    @Provide
    Arbitrary<String> contentLines() {
        return Arbitraries.of("a", "Z", " ", ",", "\\;", "é", "ž", "€", "—", "😀", "🏘️", "𝄞")
                .list()
                .ofMinSize(1)
                .ofMaxSize(200)
                .map(parts -> "SUMMARY:" + String.join("", parts));
    }
}
