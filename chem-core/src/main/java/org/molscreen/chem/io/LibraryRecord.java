package org.molscreen.chem.io;

/**
 * What a {@link LibraryReader} yields for each record: either the raw record, ready to be parsed
 * (possibly on another thread or another node), or the reason it could not be read.
 */
public sealed interface LibraryRecord permits RawRecord, RecordError {

    RecordLocation location();
}
