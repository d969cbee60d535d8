package dev.gatehouse.internal.persistence;

import jakarta.persistence.EntityManager;

/**
 * The {@code ratelimit_buckets} table (rate-limit windows, consecutive-failure counters, deferred
 * counts), inside the caller's transaction. Every increment is a guarded UPDATE, or an INSERT of
 * the first count that fails with a unique violation when a concurrent writer inserted first.
 */
public final class BucketRepository {

    public RateLimitBucketEntity find(EntityManager em, String key) {
        return em.find(RateLimitBucketEntity.class, key);
    }

    /** Lets a later {@link #find} read the row again instead of the persistence context's copy. */
    public void forget(EntityManager em, RateLimitBucketEntity row) {
        em.detach(row);
    }

    /** Adds {@code n} to the bucket. @return rows changed: 0 when the bucket has no row yet */
    public int add(EntityManager em, String key, int n) {
        return em.createQuery("update RateLimitBucketEntity b set b.count = b.count + :n where b.bucketKey = :k")
                .setParameter("n", n).setParameter("k", key).executeUpdate();
    }

    public int count(EntityManager em, String key) {
        return em.createQuery("select b.count from RateLimitBucketEntity b where b.bucketKey = :k", Integer.class)
                .setParameter("k", key).getSingleResult();
    }

    /**
     * Inserts a bucket and flushes, so a concurrent insert of the same key fails here with a unique
     * violation (the caller's transaction then retries and takes the UPDATE).
     */
    public void insert(EntityManager em, String key, int count, long expiresAt) {
        RateLimitBucketEntity b = new RateLimitBucketEntity();
        b.bucketKey = key;
        b.count = count;
        b.expiresAt = expiresAt;
        em.persist(b);
        em.flush();
    }

    /**
     * Counts one failure in a lock counter: restarts an ended window at 1, adds one below {@code max},
     * and moves the window's end to {@code expiresAt}; a counter at {@code max} in a live window is
     * left alone.
     *
     * @return 1 when counted, 0 when the counter is locked or has no row yet
     */
    public int countFailure(EntityManager em, String key, long now, long expiresAt, int max) {
        return em.createQuery("update RateLimitBucketEntity b set "
                        + "b.count = case when b.expiresAt <= :now then 1 else b.count + 1 end, "
                        + "b.expiresAt = :exp where b.bucketKey = :k and (b.expiresAt <= :now or b.count < :max)")
                .setParameter("now", now).setParameter("exp", expiresAt).setParameter("k", key)
                .setParameter("max", max).executeUpdate();
    }

    /** Takes one count back, never below zero. */
    public int takeBack(EntityManager em, String key) {
        return em.createQuery("update RateLimitBucketEntity b set b.count = b.count - 1 "
                + "where b.bucketKey = :k and b.count > 0").setParameter("k", key).executeUpdate();
    }

    public int delete(EntityManager em, String key) {
        return em.createQuery("delete from RateLimitBucketEntity b where b.bucketKey = :k").setParameter("k", key)
                .executeUpdate();
    }

    /** Deletes every bucket whose key starts with {@code prefix} (taken literally: no wildcards). */
    public int deleteByPrefix(EntityManager em, String prefix) {
        String like = escapeLike(prefix) + "%";
        return em.createQuery("delete from RateLimitBucketEntity b where b.bucketKey like :p escape '!'")
                .setParameter("p", like).executeUpdate();
    }

    /** Deletes buckets whose window ended before {@code now} (epoch seconds). */
    public int deleteExpired(EntityManager em, long now) {
        return em.createQuery("delete from RateLimitBucketEntity b where b.expiresAt < :now")
                .setParameter("now", now).executeUpdate();
    }

    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
