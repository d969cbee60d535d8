package dev.gatehouse.internal.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code sessions} table, inside the caller's transaction. */
public final class SessionRepository {

    /**
     * A session row, its user's row, and whether the user has a confirmed authenticator app, passkeys and linked
     * OpenID Connect identities, read together.
     */
    public record WithUser(SessionEntity session, UserEntity user, boolean totpEnabled, boolean passkeys, boolean identities) {
    }

    public void insert(EntityManager em, SessionEntity row) {
        em.persist(row);
    }

    public Optional<WithUser> findWithUser(EntityManager em, String tokenSha256) {
        List<Object[]> rows = em.createQuery("select s, u, t.confirmedAt, "
                + "(select count(p) from PasskeyEntity p where p.userId = u.id), "
                + "(select count(i) from OidcIdentityEntity i where i.userId = u.id) from SessionEntity s join UserEntity u on u.id = s.userId "
                + "left join TotpEntity t on t.userId = u.id where s.tokenSha256 = :h", Object[].class)
                .setParameter("h", tokenSha256).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new WithUser((SessionEntity) r[0], (UserEntity) r[1], r[2] != null, ((Number) r[3]).longValue() > 0,
                ((Number) r[4]).longValue() > 0));
    }

    /**
     * Records that the session's user just proved who they are with {@code factors}. With {@code lift} its
     * restriction goes too (the required factor was just enrolled); without, a restricted session is left
     * alone. @return 1 when the session is the user's (and, without {@code lift}, unrestricted), else 0
     */
    public int markAuthenticated(EntityManager em, String userId, String tokenSha256, Instant at, String factors,
                                 boolean lift) {
        return em.createQuery("update SessionEntity s set s.authenticatedAt = :at, s.factors = :f, s.restriction = null "
                        + "where s.tokenSha256 = :h and s.userId = :u" + (lift ? "" : " and s.restriction is null"))
                .setParameter("at", at).setParameter("f", factors).setParameter("h", tokenSha256).setParameter("u", userId)
                .executeUpdate();
    }

    public void remove(EntityManager em, SessionEntity row) {
        em.remove(row);
    }

    /** The user's sessions still within both lifetimes, newest first. */
    public List<SessionEntity> live(EntityManager em, String userId, Instant now, Instant oldest) {
        return em.createQuery("select s from SessionEntity s where s.userId = :u "
                        + "and s.expiresAt > :now and s.createdAt >= :oldest order by s.createdAt desc", SessionEntity.class)
                .setParameter("u", userId).setParameter("now", now).setParameter("oldest", oldest).getResultList();
    }

    public int delete(EntityManager em, String tokenSha256) {
        return em.createQuery("delete from SessionEntity s where s.tokenSha256 = :h")
                .setParameter("h", tokenSha256).executeUpdate();
    }

    /** Deletes the session only if it is the user's. */
    public int deleteOwned(EntityManager em, String userId, String tokenSha256) {
        return em.createQuery("delete from SessionEntity s where s.tokenSha256 = :h "
                + "and s.userId = :u").setParameter("h", tokenSha256).setParameter("u", userId).executeUpdate();
    }

    public int deleteAllBut(EntityManager em, String userId, String keepSha256) {
        return em.createQuery("delete from SessionEntity s where s.userId = :u and s.tokenSha256 <> :k")
                .setParameter("u", userId).setParameter("k", keepSha256).executeUpdate();
    }

    /** Deletes every session of the user (the caller invalidates the cache after the commit). */
    public int deleteAllOf(EntityManager em, String userId) {
        return em.createQuery("delete from SessionEntity s where s.userId = :u").setParameter("u", userId).executeUpdate();
    }

    public int deleteEveryone(EntityManager em) {
        return em.createQuery("delete from SessionEntity s").executeUpdate();
    }

    /** Deletes the user's sessions, but {@code newest}, beyond the {@code keep} newest; returns their ids. */
    public List<String> deleteOldest(EntityManager em, String userId, String newest, int keep) {
        List<String> older = em.createQuery("select s.tokenSha256 from SessionEntity s where s.userId = :u "
                        + "and s.tokenSha256 <> :n order by s.createdAt desc, s.tokenSha256", String.class)
                .setParameter("u", userId).setParameter("n", newest).setFirstResult(keep).getResultList();
        if (!older.isEmpty()) {
            em.createQuery("delete from SessionEntity s where s.tokenSha256 in :h").setParameter("h", older).executeUpdate();
        }
        return older;
    }

    /** Deletes sessions past their sliding expiry ({@code now}) or created before {@code oldest}. */
    public int deleteExpired(EntityManager em, Instant now, Instant oldest) {
        return em.createQuery("delete from SessionEntity s where s.expiresAt < :now or s.createdAt < :oldest")
                .setParameter("now", now).setParameter("oldest", oldest).executeUpdate();
    }
}
