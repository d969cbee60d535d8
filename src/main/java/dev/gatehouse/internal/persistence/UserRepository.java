package dev.gatehouse.internal.persistence;

import dev.gatehouse.internal.account.Identifiers;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code users} table, inside the caller's transaction. */
public final class UserRepository {

    /**
     * One sample hash per shape: grouped by the text before the salt ({@code $argon2id$v=19$m=..,t=..,p=..$}
     * or {@code PBKDF2WithHmacSHA256:iterations:}) and the length, which fixes salt and hash sizes.
     */
    private static final String HASH_SHAPES = "select min(u.passwordHash) from UserEntity u group by "
            + "case when locate('$', u.passwordHash) = 1 "
            + "then substring(u.passwordHash, 1, locate('$', u.passwordHash, locate('$m=', u.passwordHash) + 1)) "
            + "else substring(u.passwordHash, 1, locate(':', u.passwordHash, locate(':', u.passwordHash) + 1)) end, "
            + "length(u.passwordHash)";

    public Optional<UserEntity> byId(EntityManager em, String id) {
        return by(em, "id", id);
    }

    public Optional<UserEntity> byEmail(EntityManager em, String email) {
        return by(em, "email", email);
    }

    public Optional<UserEntity> byUsername(EntityManager em, String username) {
        return by(em, "username", username);
    }

    /** Empty for a value no row can hold (null, or with a control character): never sent to the database. */
    private static Optional<UserEntity> by(EntityManager em, String column, String value) {
        if (value == null || Identifiers.hasControl(value)) {
            return Optional.empty();
        }
        return em.createQuery("select u from UserEntity u where u." + column + " = :v", UserEntity.class)
                .setParameter("v", value).getResultList().stream().findFirst();
    }

    /** The row by primary key (the persistence context's copy when it has one), or null. */
    public UserEntity find(EntityManager em, String id) {
        return em.find(UserEntity.class, id);
    }

    /** The row locked for update ({@code SELECT ... FOR UPDATE}) until the transaction ends, or null. */
    public UserEntity lock(EntityManager em, String id) {
        return em.find(UserEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Page of users, oldest first. */
    public List<UserEntity> page(EntityManager em, int offset, int limit) {
        return em.createQuery("select u from UserEntity u order by u.createdAt, u.id", UserEntity.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** Inserts a new user; a taken email or username fails with a unique violation at the commit. */
    public void insert(EntityManager em, UserEntity row) {
        em.persist(row);
    }

    public void setPasswordHash(EntityManager em, String id, String hash) {
        em.createQuery("update UserEntity u set u.passwordHash = :h where u.id = :id")
                .setParameter("h", hash).setParameter("id", id).executeUpdate();
    }

    /** Marks the email confirmed unless it already was. */
    public void markEmailVerified(EntityManager em, String id, Instant now) {
        em.createQuery("update UserEntity u set u.emailVerifiedAt = :now where u.id = :id "
                + "and u.emailVerifiedAt is null").setParameter("now", now).setParameter("id", id).executeUpdate();
    }

    /**
     * Swaps the user's email from {@code from} to {@code to}, verified now, unless it changed meanwhile.
     * A {@code to} another account holds fails with a unique violation at the commit.
     *
     * @return 1 when swapped, 0 when the user or its current address no longer match
     */
    public int changeEmail(EntityManager em, String id, String from, String to, Instant now) {
        return em.createQuery("update UserEntity u set u.email = :to, u.emailVerifiedAt = :now where u.id = :id "
                        + "and u.email = :from")
                .setParameter("to", to).setParameter("now", now).setParameter("id", id).setParameter("from", from)
                .executeUpdate();
    }

    /** @return rows changed: 0 when the user is unknown or already disabled */
    public int disable(EntityManager em, String id, Instant now) {
        return em.createQuery("update UserEntity u set u.disabledAt = :now where u.id = :id and u.disabledAt is null")
                .setParameter("now", now).setParameter("id", id).executeUpdate();
    }

    public void remove(EntityManager em, UserEntity row) {
        em.remove(row);
    }

    /** One stored hash per hash shape (parameters and sizes), at most {@code max} of them. */
    public List<String> hashShapeSamples(EntityManager em, int max) {
        return em.createQuery(HASH_SHAPES, String.class).setMaxResults(max).getResultList();
    }
}
