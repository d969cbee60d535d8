package dev.gatehouse.internal.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code passkeys} and {@code passkey_challenges} tables, inside the caller's transaction. */
public final class PasskeyRepository {

    public void insert(EntityManager em, PasskeyEntity row) {
        em.persist(row);
    }

    public List<PasskeyEntity> ofUser(EntityManager em, String userId) {
        return em.createQuery("select p from PasskeyEntity p where p.userId = :u order by p.createdAt, p.id", PasskeyEntity.class)
                .setParameter("u", userId).getResultList();
    }

    public long countOf(EntityManager em, String userId) {
        return em.createQuery("select count(p) from PasskeyEntity p where p.userId = :u", Long.class)
                .setParameter("u", userId).getSingleResult();
    }

    public Optional<PasskeyEntity> byCredential(EntityManager em, String credentialSha256) {
        return em.createQuery("select p from PasskeyEntity p where p.credentialSha256 = :c", PasskeyEntity.class)
                .setParameter("c", credentialSha256).getResultStream().findFirst();
    }

    public Optional<PasskeyEntity> byId(EntityManager em, String userId, String id) {
        return em.createQuery("select p from PasskeyEntity p where p.id = :id and p.userId = :u", PasskeyEntity.class)
                .setParameter("id", id).setParameter("u", userId).getResultStream().findFirst();
    }

    /**
     * Records a use with its new sign count, only while the stored count is still the one the check saw (the
     * caller checked that the new count moved forward, or both are 0: an authenticator that does not count), so
     * of two racing uses with one count only one passes: 1 when recorded, 0 when not.
     */
    public int recordUse(EntityManager em, String id, long seenCount, long newCount, Instant now) {
        return em.createQuery("update PasskeyEntity p set p.signCount = :n, p.lastUsedAt = :now where p.id = :id "
                        + "and p.signCount = :seen")
                .setParameter("n", newCount).setParameter("now", now).setParameter("id", id).setParameter("seen", seenCount)
                .executeUpdate();
    }

    public int rename(EntityManager em, String userId, String id, String name) {
        return em.createQuery("update PasskeyEntity p set p.name = :n where p.id = :id and p.userId = :u")
                .setParameter("n", name).setParameter("id", id).setParameter("u", userId).executeUpdate();
    }

    public int delete(EntityManager em, String userId, String id) {
        return em.createQuery("delete from PasskeyEntity p where p.id = :id and p.userId = :u")
                .setParameter("id", id).setParameter("u", userId).executeUpdate();
    }

    public void insertChallenge(EntityManager em, PasskeyChallengeEntity row) {
        em.persist(row);
    }

    public PasskeyChallengeEntity challenge(EntityManager em, String sha256) {
        return em.find(PasskeyChallengeEntity.class, sha256);
    }

    /** Redeems a live challenge of this purpose: 1 for exactly one caller, 0 for every other (used, expired, unknown). */
    public int redeemChallenge(EntityManager em, String sha256, String purpose, Instant now) {
        return em.createQuery("delete from PasskeyChallengeEntity c where c.challengeSha256 = :h and c.purpose = :p "
                        + "and c.expiresAt > :now")
                .setParameter("h", sha256).setParameter("p", purpose).setParameter("now", now).executeUpdate();
    }

    public int deleteExpiredChallenges(EntityManager em, Instant now) {
        return em.createQuery("delete from PasskeyChallengeEntity c where c.expiresAt <= :now").setParameter("now", now)
                .executeUpdate();
    }
}
