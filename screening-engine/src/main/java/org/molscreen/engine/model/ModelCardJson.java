package org.molscreen.engine.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads and writes {@link ModelCard}s as JSON. Thread-safe. */
public final class ModelCardJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ModelCardJson() {
    }

    public static String write(ModelCard card) {
        try {
            return MAPPER.writeValueAsString(card);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write model card " + card.name() + ": " + e.getMessage(), e);
        }
    }

    /** Reads a card; {@code source} names the file in the error. */
    public static ModelCard read(String json, String source) {
        try {
            ModelCard card = MAPPER.readValue(json, ModelCard.class);
            if (card.formatVersion() > ModelCard.FORMAT_VERSION) {
                throw new InvalidModelException(source, "card format " + card.formatVersion()
                        + " is newer than this molscreen reads (" + ModelCard.FORMAT_VERSION + "); upgrade molscreen");
            }
            return card;
        } catch (JsonProcessingException e) {
            throw new InvalidModelException(source, "card.json is not a valid model card: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidModelException(source, "card.json is not a valid model card: " + e.getMessage());
        }
    }

}
