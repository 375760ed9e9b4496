package org.molscreen.engine.data;

/**
 * What a data set is, not only where it was: recorded in model cards so a model can be traced to the exact
 * bytes it learnt from.
 *
 * @param name   a short name (the file name without extensions unless given)
 * @param file   the file name as given
 * @param rows   records read (good and bad)
 * @param sha256 hex SHA-256 of the file's bytes as stored (compressed if gzipped)
 */
public record DataProvenance(String name, String file, long rows, String sha256) {
}
