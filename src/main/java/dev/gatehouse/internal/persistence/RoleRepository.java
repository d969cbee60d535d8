package dev.gatehouse.internal.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;

/** The {@code roles} table and its grants ({@code user_roles}), inside the caller's transaction. */
public final class RoleRepository {

    public RoleEntity find(EntityManager em, String name) {
        return em.find(RoleEntity.class, name);
    }

    /** The role row with a shared lock until the transaction ends (a concurrent delete waits), or null. */
    public RoleEntity findLocked(EntityManager em, String name) {
        return em.find(RoleEntity.class, name, LockModeType.PESSIMISTIC_READ);
    }

    public void insert(EntityManager em, RoleEntity row) {
        em.persist(row);
    }

    public List<RoleEntity> all(EntityManager em) {
        return em.createQuery("select r from RoleEntity r order by r.name", RoleEntity.class).getResultList();
    }

    /** Deletes the role row; its grants are left to {@link #deleteGrantsOfRole}. @return rows deleted */
    public int delete(EntityManager em, String name) {
        return em.createQuery("delete from RoleEntity r where r.name = :n").setParameter("n", name).executeUpdate();
    }

    public int deleteGrantsOfRole(EntityManager em, String name) {
        return em.createQuery("delete from UserRoleEntity g where g.roleName = :n").setParameter("n", name).executeUpdate();
    }

    public UserRoleEntity findGrant(EntityManager em, String userId, String roleName) {
        return em.find(UserRoleEntity.class, new UserRoleEntity.Key(userId, roleName));
    }

    public void insertGrant(EntityManager em, UserRoleEntity row) {
        em.persist(row);
    }

    public int deleteGrant(EntityManager em, String userId, String roleName) {
        return em.createQuery("delete from UserRoleEntity g where g.userId = :u "
                + "and g.roleName = :n").setParameter("u", userId).setParameter("n", roleName).executeUpdate();
    }

    /** Deletes every grant of a user (account deletion). */
    public int deleteGrantsOf(EntityManager em, String userId) {
        return em.createQuery("delete from UserRoleEntity g where g.userId = :u").setParameter("u", userId).executeUpdate();
    }

    /** The roles granted to the user, by name. */
    public List<RoleEntity> grantedTo(EntityManager em, String userId) {
        return em.createQuery("select r from RoleEntity r, UserRoleEntity g "
                + "where g.userId = :u and r.name = g.roleName order by r.name", RoleEntity.class)
                .setParameter("u", userId).getResultList();
    }

    /** The role names in the user's grants, sorted. */
    public List<String> grantNamesOf(EntityManager em, String userId) {
        return em.createQuery("select g.roleName from UserRoleEntity g where g.userId = :u "
                + "order by g.roleName", String.class).setParameter("u", userId).getResultList();
    }

    public List<String> usersWith(EntityManager em, String roleName) {
        return em.createQuery("select g.userId from UserRoleEntity g where g.roleName = :n "
                + "order by g.userId", String.class).setParameter("n", roleName).getResultList();
    }

    /** The space-separated permission texts of the user's granted roles, one per role. */
    public List<String> permissionTextsOf(EntityManager em, String userId) {
        return em.createQuery("select r.permissions from RoleEntity r, UserRoleEntity g "
                + "where g.userId = :u and r.name = g.roleName", String.class).setParameter("u", userId).getResultList();
    }
}
