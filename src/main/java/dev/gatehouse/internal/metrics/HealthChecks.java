package dev.gatehouse.internal.metrics;

import dev.gatehouse.Health;
import dev.gatehouse.Health.Check;
import dev.gatehouse.Health.Status;
import dev.gatehouse.internal.persistence.Migrations;
import dev.gatehouse.internal.persistence.Transactions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code Gatehouse.health()}: database reachable, schema at the expected version, hashing not saturated. */
public final class HealthChecks {

    private final Transactions tx;
    private final HashingLoad hashing;
    private final List<String> expectedChangeSets;

    public HealthChecks(Transactions tx, HashingLoad hashing) {
        this(tx, hashing, ChangeLog.changeSetIds(Migrations.CHANGELOG));
    }

    HealthChecks(Transactions tx, HashingLoad hashing, List<String> expectedChangeSets) {
        this.tx = tx;
        this.hashing = hashing;
        this.expectedChangeSets = List.copyOf(expectedChangeSets);
    }

    public Health check() {
        Check database = database();
        return Health.of(List.of(database, database.up() ? schema() : new Check("schema", Status.DOWN,
                "not checked: the database is not reachable"), hashing(hashing)));
    }

    private Check database() {
        try {
            tx.inTransaction(em -> em.createNativeQuery("SELECT 1").getSingleResult());
            return new Check("database", Status.UP, "reachable");
        } catch (RuntimeException e) {
            return new Check("database", Status.DOWN, "not reachable");
        }
    }

    private Check schema() {
        Set<String> applied;
        try {
            applied = new HashSet<>(tx.inTransaction(em -> em.createNativeQuery("SELECT ID FROM "
                    + Migrations.CHANGELOG_TABLE).getResultList().stream().map(String::valueOf).toList()));
        } catch (RuntimeException e) {
            return new Check("schema", Status.DOWN, "no changelog table " + Migrations.CHANGELOG_TABLE);
        }
        List<String> missing = new ArrayList<>(expectedChangeSets);
        missing.removeAll(applied);
        int done = expectedChangeSets.size() - missing.size();
        String counted = done + " of " + expectedChangeSets.size() + " changesets applied";
        return missing.isEmpty() ? new Check("schema", Status.UP, counted)
                : new Check("schema", Status.DOWN, counted + "; missing " + String.join(", ", missing));
    }

    static Check hashing(HashingLoad load) {
        String detail = load.slotsInUse() + " slots in use, " + load.waiting() + " waiting (limit " + load.waitingLimit() + ")";
        return load.waiting() >= load.waitingLimit() ? new Check("hashing", Status.DOWN, "saturated: " + detail)
                : new Check("hashing", Status.UP, detail);
    }
}
