package dev.gatehouse.internal.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;

/** The {@code mfa_challenges} table (pending second-factor sign-ins), inside the caller's transaction. */
public final class MfaChallengeRepository {

    public void insert(EntityManager em, MfaChallengeEntity row) {
        em.persist(row);
    }

    public MfaChallengeEntity find(EntityManager em, String tokenSha256) {
        return em.find(MfaChallengeEntity.class, tokenSha256);
    }

    /**
     * Counts one code against the challenge if it is live and has codes left: 1 when the code may be
     * checked, 0 when the challenge is unknown, expired or spent.
     */
    public int countAttempt(EntityManager em, String tokenSha256, int max, Instant now) {
        return em.createQuery("update MfaChallengeEntity c set c.attempts = c.attempts + 1 where c.tokenSha256 = :h "
                        + "and c.attempts < :max and c.expiresAt > :now")
                .setParameter("h", tokenSha256).setParameter("max", max).setParameter("now", now).executeUpdate();
    }

    public int delete(EntityManager em, String tokenSha256) {
        return em.createQuery("delete from MfaChallengeEntity c where c.tokenSha256 = :h")
                .setParameter("h", tokenSha256).executeUpdate();
    }

    public int deleteAllOf(EntityManager em, String userId) {
        return em.createQuery("delete from MfaChallengeEntity c where c.userId = :u").setParameter("u", userId).executeUpdate();
    }

    public int deleteExpired(EntityManager em, Instant now) {
        return em.createQuery("delete from MfaChallengeEntity c where c.expiresAt <= :now").setParameter("now", now)
                .executeUpdate();
    }
}
