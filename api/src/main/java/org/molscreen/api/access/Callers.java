package org.molscreen.api.access;

import java.util.Optional;

/** Who holds a bearer token: a fixed set ({@link AccessTokens}) or a tokens file kept current ({@link TokensFile}). */
public interface Callers {

    /** Who holds this token, if anybody. */
    Optional<Caller> caller(String token);
}
