package dev.gatehouse.internal.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code api_tokens} table, inside the caller's transaction. */
public final class ApiTokenRepository {

    /** A token row and its owner's row, read together. */
    public record WithOwner(ApiTokenEntity token, UserEntity owner) {
    }

    public void insert(EntityManager em, ApiTokenEntity row) {
        em.persist(row);
    }

    /** Tokens of the user neither revoked nor expired at {@code now}. */
    public long countLive(EntityManager em, String userId, Instant now) {
        return em.createQuery("select count(t) from ApiTokenEntity t where t.userId = :u and t.revokedAt is null "
                        + "and (t.expiresAt is null or t.expiresAt > :now)", Long.class)
                .setParameter("u", userId).setParameter("now", now).getSingleResult();
    }

    public Optional<WithOwner> findWithOwner(EntityManager em, String tokenSha256) {
        List<Object[]> rows = em.createQuery("select t, u from ApiTokenEntity t, UserEntity u "
                + "where t.tokenSha256 = :h and u.id = t.userId", Object[].class).setParameter("h", tokenSha256).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WithOwner((ApiTokenEntity) rows.get(0)[0], (UserEntity) rows.get(0)[1]));
    }

    /** The user's tokens not revoked (expired ones included), newest first. */
    public List<ApiTokenEntity> notRevoked(EntityManager em, String userId) {
        return em.createQuery("select t from ApiTokenEntity t where t.userId = :u "
                        + "and t.revokedAt is null order by t.createdAt desc, t.id", ApiTokenEntity.class)
                .setParameter("u", userId).getResultList();
    }

    /** Revokes the token only if it is the user's and still live. */
    public int revoke(EntityManager em, String userId, String tokenId, Instant now) {
        return em.createQuery("update ApiTokenEntity t set t.revokedAt = :now "
                        + "where t.id = :id and t.userId = :u and t.revokedAt is null")
                .setParameter("now", now).setParameter("id", tokenId).setParameter("u", userId).executeUpdate();
    }

    /** Revokes every live token of the user (the caller invalidates the cache after the commit). */
    public int revokeAllOf(EntityManager em, String userId, Instant now) {
        return em.createQuery("update ApiTokenEntity t set t.revokedAt = :now where t.userId = :u and t.revokedAt is null")
                .setParameter("now", now).setParameter("u", userId).executeUpdate();
    }

    public int deleteAllOf(EntityManager em, String userId) {
        return em.createQuery("delete from ApiTokenEntity t where t.userId = :id").setParameter("id", userId).executeUpdate();
    }

    /** Deletes tokens revoked or expired before {@code cutoff}. */
    public int deleteExpired(EntityManager em, Instant cutoff) {
        return em.createQuery("delete from ApiTokenEntity t where t.revokedAt < :c "
                + "or t.expiresAt < :c").setParameter("c", cutoff).executeUpdate();
    }
}
