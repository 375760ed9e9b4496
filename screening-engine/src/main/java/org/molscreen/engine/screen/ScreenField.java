package org.molscreen.engine.screen;

/**
 * The fields of a screen request, named as each front end names them, so a refusal points at the field the
 * user wrote: {@code rank_by} in the API's JSON, {@code --rank-by} on the command line.
 */
public enum ScreenField {
    MODELS("models", "--model"),
    RANK_BY("rank_by", "--rank-by"),
    TOP("top", "--top"),
    FILTERS("filters", "--filter"),
    MAX_TOX("max_tox", "--max-tox"),
    SIMILAR_TO("similar_to", "--similar-to"),
    MIN_SIMILARITY("min_sim", "--min-sim");

    private final String jsonName;
    private final String option;

    ScreenField(String jsonName, String option) {
        this.jsonName = jsonName;
        this.option = option;
    }

    /** The field's name in the API's request body. */
    public String jsonName() {
        return jsonName;
    }

    /** The command-line option that sets it. */
    public String option() {
        return option;
    }
}
