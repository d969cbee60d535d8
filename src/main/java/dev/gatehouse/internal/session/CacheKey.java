package dev.gatehouse.internal.session;

import dev.gatehouse.User;
import dev.gatehouse.apitoken.ApiToken;
import dev.gatehouse.role.Role;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ResolveCache} key, one record per kind of entry: the key fixes the type of its value,
 * so a caller can neither spell a key of the wrong kind nor read an entry as the wrong type.
 *
 * @param <V> the type of the cached value
 */
public sealed interface CacheKey<V> {

    /** A user row, by id. */
    record UserRow(String userId) implements CacheKey<User> {
        public UserRow {
            Objects.requireNonNull(userId, "userId");
        }
    }

    /** The roles granted to a user. */
    record GrantedRoles(String userId) implements CacheKey<List<Role>> {
        public GrantedRoles {
            Objects.requireNonNull(userId, "userId");
        }
    }

    /** A live session, by the SHA-256 of its cookie value. */
    record SessionRow(String tokenSha256) implements CacheKey<CachedSession> {
        public SessionRow {
            Objects.requireNonNull(tokenSha256, "tokenSha256");
        }
    }

    /** An API token, by the SHA-256 of its raw value. */
    record ApiTokenRow(String tokenSha256) implements CacheKey<ApiToken> {
        public ApiTokenRow {
            Objects.requireNonNull(tokenSha256, "tokenSha256");
        }
    }

    /**
     * What the cache keeps of a live session.
     *
     * @param authenticatedAt when its user last proved who they are
     * @param factors         how, as stored ("password,totp")
     * @param restricted      it may only enrol a required second factor
     * @param totpEnabled     the user has a confirmed authenticator app (what re-authentication may use)
     */
    record CachedSession(User user, Instant createdAt, Instant expiresAt, Instant authenticatedAt, String factors,
                         boolean restricted, java.util.List<String> reauthMethods) {
        /** A session signed in with the password, unrestricted, without an authenticator app or passkey. */
        CachedSession(User user, Instant createdAt, Instant expiresAt) {
            this(user, createdAt, expiresAt, createdAt, "password", false, java.util.List.of("password"));
        }
    }
}
