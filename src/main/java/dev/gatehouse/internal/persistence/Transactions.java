package dev.gatehouse.internal.persistence;

import dev.gatehouse.AuthException;
import dev.gatehouse.GatehouseUnavailableException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Function;

/**
 * Runs work in one resource-local transaction on a fresh {@link EntityManager}: commit on return,
 * roll back on any exception. Deadlocks and serialization failures are retried a few times;
 * connection failures and timeouts become {@link GatehouseUnavailableException} (503, not 401).
 */
public final class Transactions {

    private static final int ATTEMPTS = 4;

    private final EntityManagerFactory emf;

    public Transactions(EntityManagerFactory emf) {
        this.emf = emf;
    }

    public <T> T inTransaction(Function<EntityManager, T> work) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return once(work);
            } catch (AuthException | IllegalArgumentException e) {
                throw e;
            } catch (RuntimeException e) {
                if (!isRetryable(e)) {
                    throw translate(e);
                }
                last = e;
            }
        }
        throw translate(last);
    }

    /**
     * Runs the work in a transaction, again (up to {@code attempts} times in all) when it lost an
     * insert race to a concurrent writer: the retry then sees the winner's row.
     */
    public <T> T retryingInsertRace(int attempts, Function<EntityManager, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(work);
            } catch (RuntimeException e) {
                if (attempt >= attempts || !isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /** Runs the work; the caller inspects a unique violation itself (see {@link #isUniqueViolation}). */
    public void run(java.util.function.Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    private <T> T once(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            em.flush();
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                try {
                    tx.rollback();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /** Unique or primary-key violation (PostgreSQL/H2 SQLState 23505, MariaDB/MySQL error 1062). */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("23505".equals(s.getSQLState()) || s.getErrorCode() == 1062)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                if ("40001".equals(state) || "40P01".equals(state) || s.getErrorCode() == 1213
                        || "HYT00".equals(state) && s.getErrorCode() == 50200) {
                    return true;
                }
            }
        }
        return false;
    }

    private static RuntimeException translate(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            boolean connection = t instanceof SQLTransientConnectionException
                    || t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08");
            boolean timeout = t instanceof QueryTimeoutException || t instanceof LockTimeoutException
                    || t instanceof PessimisticLockException || t instanceof java.sql.SQLTimeoutException;
            if (connection || timeout) {
                return GatehouseUnavailableException.unavailable(
                        "The account database is unavailable. Try again shortly.", 5, e);
            }
        }
        return e;
    }
}
