package dev.gatehouse.internal.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code oidc_identities} and {@code oidc_flows} tables, inside the caller's transaction. */
public final class OidcRepository {

    public void insert(EntityManager em, OidcIdentityEntity row) {
        em.persist(row);
    }

    public Optional<OidcIdentityEntity> byIdentity(EntityManager em, String identitySha256) {
        return em.createQuery("select i from OidcIdentityEntity i where i.identitySha256 = :h", OidcIdentityEntity.class)
                .setParameter("h", identitySha256).getResultStream().findFirst();
    }

    public List<OidcIdentityEntity> ofUser(EntityManager em, String userId) {
        return em.createQuery("select i from OidcIdentityEntity i where i.userId = :u order by i.createdAt, i.id",
                OidcIdentityEntity.class).setParameter("u", userId).getResultList();
    }

    public long countOf(EntityManager em, String userId) {
        return em.createQuery("select count(i) from OidcIdentityEntity i where i.userId = :u", Long.class)
                .setParameter("u", userId).getSingleResult();
    }

    public int recordUse(EntityManager em, String id, String email, Instant now) {
        return em.createQuery("update OidcIdentityEntity i set i.lastUsedAt = :now, i.email = :e where i.id = :id")
                .setParameter("now", now).setParameter("e", email).setParameter("id", id).executeUpdate();
    }

    public int delete(EntityManager em, String userId, String id) {
        return em.createQuery("delete from OidcIdentityEntity i where i.id = :id and i.userId = :u")
                .setParameter("id", id).setParameter("u", userId).executeUpdate();
    }

    public void insertFlow(EntityManager em, OidcFlowEntity row) {
        em.persist(row);
    }

    public OidcFlowEntity flow(EntityManager em, String sha256) {
        return em.find(OidcFlowEntity.class, sha256);
    }

    /** Redeems a live flow of this provider: 1 for exactly one caller, 0 for every other (used, expired, unknown). */
    public int redeemFlow(EntityManager em, String sha256, String provider, Instant now) {
        return em.createQuery("delete from OidcFlowEntity f where f.flowSha256 = :h and f.provider = :p and f.expiresAt > :now")
                .setParameter("h", sha256).setParameter("p", provider).setParameter("now", now).executeUpdate();
    }

    public int deleteExpiredFlows(EntityManager em, Instant now) {
        return em.createQuery("delete from OidcFlowEntity f where f.expiresAt <= :now").setParameter("now", now)
                .executeUpdate();
    }
}
