package dev.gatehouse.internal.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * The {@code mfa_totp} and {@code recovery_codes} tables, inside the caller's transaction. Every
 * change that must happen once (confirming, accepting a time step, using a recovery code) is one
 * guarded UPDATE: of concurrent callers exactly one sees a row changed.
 */
public final class MfaRepository {

    public TotpEntity totp(EntityManager em, String userId) {
        return em.find(TotpEntity.class, userId);
    }

    /** Replaces any unconfirmed enrolment with a new one. @return false when a confirmed factor exists */
    public boolean savePending(EntityManager em, String userId, String sealed, Instant now) {
        TotpEntity row = em.find(TotpEntity.class, userId);
        if (row != null && row.confirmedAt != null) {
            return false;
        }
        if (row != null) {
            row.secretSealed = sealed;
            row.createdAt = now;
            row.lastStep = -1;
            return true;
        }
        TotpEntity fresh = new TotpEntity();
        fresh.userId = userId;
        fresh.secretSealed = sealed;
        fresh.createdAt = now;
        fresh.lastStep = -1;
        em.persist(fresh);
        return true;
    }

    /** Activates the pending enrolment whose secret is {@code sealed}, recording {@code step} as used. */
    public int confirm(EntityManager em, String userId, String sealed, long step, Instant now) {
        return em.createQuery("update TotpEntity t set t.confirmedAt = :now, t.lastStep = :s where t.userId = :u "
                        + "and t.confirmedAt is null and t.secretSealed = :sealed and t.lastStep < :s")
                .setParameter("now", now).setParameter("s", step).setParameter("u", userId).setParameter("sealed", sealed)
                .executeUpdate();
    }

    /** Records {@code step} as used if it is newer than the last one: 1 for the one caller that may accept it. */
    public int advance(EntityManager em, String userId, long step) {
        return em.createQuery("update TotpEntity t set t.lastStep = :s where t.userId = :u and t.confirmedAt is not null "
                + "and t.lastStep < :s").setParameter("s", step).setParameter("u", userId).executeUpdate();
    }

    /** Stores the secret sealed under the newest key, unless it changed meanwhile. */
    public int reseal(EntityManager em, String userId, String old, String sealed) {
        return em.createQuery("update TotpEntity t set t.secretSealed = :n where t.userId = :u and t.secretSealed = :o")
                .setParameter("n", sealed).setParameter("u", userId).setParameter("o", old).executeUpdate();
    }

    public int deleteTotp(EntityManager em, String userId) {
        return em.createQuery("delete from TotpEntity t where t.userId = :u").setParameter("u", userId).executeUpdate();
    }

    public void replaceRecoveryCodes(EntityManager em, String userId, List<String> hashes, Instant now) {
        deleteRecoveryCodes(em, userId);
        for (String h : hashes) {
            RecoveryCodeEntity r = new RecoveryCodeEntity();
            r.codeSha256 = h;
            r.userId = userId;
            r.createdAt = now;
            em.persist(r);
        }
    }

    /** Marks the code used if it is the user's and unused: 1 for the one caller that may use it. */
    public int useRecoveryCode(EntityManager em, String userId, String hash, Instant now) {
        return em.createQuery("update RecoveryCodeEntity r set r.usedAt = :now where r.codeSha256 = :h "
                        + "and r.userId = :u and r.usedAt is null")
                .setParameter("now", now).setParameter("h", hash).setParameter("u", userId).executeUpdate();
    }

    public int unusedRecoveryCodes(EntityManager em, String userId) {
        return em.createQuery("select count(r) from RecoveryCodeEntity r where r.userId = :u and r.usedAt is null", Long.class)
                .setParameter("u", userId).getSingleResult().intValue();
    }

    public int deleteRecoveryCodes(EntityManager em, String userId) {
        return em.createQuery("delete from RecoveryCodeEntity r where r.userId = :u").setParameter("u", userId).executeUpdate();
    }
}
