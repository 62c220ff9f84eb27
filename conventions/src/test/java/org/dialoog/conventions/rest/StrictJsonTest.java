package org.dialoog.conventions.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The reading rules of {@link StrictJson} on a plain mapper: what is refused, and what still reads.
 * (Text rules are checked where requests come in: StrictInputTest.)
 */
class StrictJsonTest {

    record Sample(
            @Nullable String text,
            int count,
            @Nullable Boolean flag,
            @Nullable LocalDate day,
            @Nullable OffsetDateTime at) {}

    private final ObjectMapper json = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void wellFormedValuesStillRead() throws JsonProcessingException {
        Sample s = json.readValue(
                "{\"text\":\"tab\\tand \\ud83d\\ude00\",\"count\":3,\"flag\":true,\"day\":\"2026-05-01\","
                        + "\"at\":\"9999-12-31T10:00:00+02:00\"}",
                Sample.class);
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.day()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(s.text()).startsWith("tab\t");
        // What is already stored is read back as it is: the text rules apply where requests come in.
        assertThat(json.readValue("{\"text\":\"form\\ffeed\"}", Sample.class).text())
                .isEqualTo("form\ffeed");
    }

    @Test
    void datesBeyondWhatTheDatabaseHoldsAreRefused() {
        assertRefused("{\"day\":\"+999999999-12-31\"}", "must lie between the years 1 and 9999");
        assertRefused("{\"day\":\"-0001-01-01\"}", "must lie between the years 1 and 9999");
        assertRefused("{\"at\":\"+10000-01-01T00:00:00Z\"}", "must lie between the years 1 and 9999");
        assertRefused(
                "{\"at\":\"+999999999-12-31T23:59:59.999999999-18:00\"}", "must lie between the years 1 and 9999");
    }

    @Test
    void noValueIsSilentlyCoerced() {
        assertThatThrownBy(() -> json.readValue("{\"count\":2.5}", Sample.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"count\":\"2\"}", Sample.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"text\":12}", Sample.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"flag\":\"true\"}", Sample.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> json.readValue("{\"count\":1,\"count\":2}", Sample.class))
                .isInstanceOf(StreamReadException.class)
                .hasMessageContaining("Duplicate field 'count'");
    }

    private void assertRefused(String body, String reason) {
        assertThatThrownBy(() -> json.readValue(body, Sample.class))
                .isInstanceOfSatisfying(
                        StrictJson.RefusedValue.class,
                        e -> assertThat(e.getOriginalMessage()).isEqualTo(reason));
    }
}
