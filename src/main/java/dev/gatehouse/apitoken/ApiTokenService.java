package dev.gatehouse.apitoken;

import dev.gatehouse.InvalidRequestException;
import dev.gatehouse.account.EmailNotVerifiedException;
import dev.gatehouse.config.AccountSettings;
import java.util.List;
import java.util.Optional;

/** Personal access tokens: {@code gate_pat_} + 43 base62 characters + a 6-character checksum. */
public interface ApiTokenService {

    /** The recognisable prefix of every token. */
    String TOKEN_PREFIX = "gate_pat_";

    /**
     * Creates a token; the raw value is returned once and never stored.
     *
     * @param scopes        1–32 permission-grammar scopes (each at most 64 characters), de-duplicated in order
     * @param expiresInDays null for the maximum lifetime (or no expiry when the settings allow it)
     * @throws InvalidRequestException      bad name, scopes or lifetime (the message says which)
     * @throws IllegalArgumentException a blank or unknown user id
     * @throws TokenLimitReachedException the user already holds the maximum number of live tokens
     *                                    (enforced atomically, also under concurrent creates)
     * @throws EmailNotVerifiedException  {@link AccountSettings#requireEmailVerified()} and the owner's email is not
     *                                    confirmed yet
     */
    NewApiToken create(String userId, String name, List<String> scopes, Integer expiresInDays);

    /**
     * Resolves a raw token, and with {@code requiredScope} authorises it: the token is returned only
     * when one of its scopes covers the permission <em>and</em> its owner holds that permission right
     * now (a token never outlives the owner's role). Empty when malformed (no database access),
     * unknown, revoked, expired, its owner disabled or gone (or, with
     * {@link AccountSettings#requireEmailVerified()}, not verified), or not authorised.
     *
     * @param requiredScope a permission to authorise, or null to authenticate only
     */
    Optional<ApiToken> resolve(String rawToken, String requiredScope);

    /** The user's unrevoked tokens, newest first (expired ones included, see {@link ApiToken#activeAt}). */
    List<ApiToken> list(String userId);

    /** Revokes one of the user's own tokens. @return false if it is not theirs or already revoked */
    boolean revoke(String userId, String tokenId);

    /** Revokes all of the user's tokens. @return how many */
    int revokeAll(String userId);
}
