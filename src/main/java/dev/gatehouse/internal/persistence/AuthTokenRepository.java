package dev.gatehouse.internal.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code auth_tokens} table (single-use links), inside the caller's transaction. Redemption
 * is {@link #claim}: one guarded UPDATE whose row count decides the winner.
 */
public final class AuthTokenRepository {

    public void insert(EntityManager em, AuthTokenEntity row) {
        em.persist(row);
    }

    /**
     * Marks the token used if it is unused, unexpired and of this purpose.
     *
     * @return 1 for the one caller that redeemed it, 0 for everyone else
     */
    public int claim(EntityManager em, String tokenSha256, String purpose, Instant now) {
        return em.createQuery("update AuthTokenEntity t set t.usedAt = :now where t.tokenSha256 = :h "
                        + "and t.purpose = :p and t.usedAt is null and t.expiresAt > :now")
                .setParameter("now", now).setParameter("h", tokenSha256).setParameter("p", purpose).executeUpdate();
    }

    public AuthTokenEntity find(EntityManager em, String tokenSha256) {
        return em.find(AuthTokenEntity.class, tokenSha256);
    }

    /** The owner of a redeemable token, without redeeming it. */
    public Optional<String> redeemableOwner(EntityManager em, String tokenSha256, String purpose, Instant now) {
        List<String> owners = em.createQuery("select t.userId from AuthTokenEntity t where t.tokenSha256 = :h "
                        + "and t.purpose = :p and t.usedAt is null and t.expiresAt > :now", String.class)
                .setParameter("h", tokenSha256).setParameter("p", purpose).setParameter("now", now).getResultList();
        return owners.stream().findFirst();
    }

    /** Marks the user's unused tokens of this purpose as used. */
    public int voidPending(EntityManager em, String userId, String purpose, Instant now) {
        return em.createQuery("update AuthTokenEntity t set t.usedAt = :now where t.userId = :u and t.purpose = :p "
                        + "and t.usedAt is null")
                .setParameter("now", now).setParameter("u", userId).setParameter("p", purpose).executeUpdate();
    }

    /** Voids the user's live tokens of this purpose beyond the {@code keep} newest. */
    public void voidBeyondNewest(EntityManager em, String userId, String purpose, Instant now, int keep) {
        List<String> older = em.createQuery("select t.tokenSha256 from AuthTokenEntity t where t.userId = :u "
                        + "and t.purpose = :p and t.usedAt is null and t.expiresAt > :now order by t.createdAt desc, "
                        + "t.tokenSha256", String.class)
                .setParameter("u", userId).setParameter("p", purpose).setParameter("now", now)
                .setFirstResult(keep).getResultList();
        if (!older.isEmpty()) {
            em.createQuery("update AuthTokenEntity t set t.usedAt = :now where t.tokenSha256 in :h and t.usedAt is null")
                    .setParameter("now", now).setParameter("h", older).executeUpdate();
        }
    }

    /** Deletes tokens that expired, or were used, before {@code cutoff}. */
    public int deleteExpired(EntityManager em, Instant cutoff) {
        return em.createQuery("delete from AuthTokenEntity t where t.expiresAt < :c "
                        + "or (t.usedAt is not null and t.usedAt < :c)")
                .setParameter("c", cutoff).executeUpdate();
    }

    public int deleteAllOf(EntityManager em, String userId) {
        return em.createQuery("delete from AuthTokenEntity t where t.userId = :u").setParameter("u", userId).executeUpdate();
    }
}
