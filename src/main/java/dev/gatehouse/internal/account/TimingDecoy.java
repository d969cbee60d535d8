package dev.gatehouse.internal.account;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.crypto.HashShape;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.persistence.UserRepository;
import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The stored hash an unknown account is verified against, so it costs what the most expensive
 * hash a real account holds costs (an account still on older, slower Argon2 parameters or on an
 * imported PBKDF2 hash would otherwise answer slower than an unknown one). The candidates are the
 * current parameters and every shape in the users table, found by one grouped scan that returns
 * one row per shape (never one per user): at start-up and on each housekeeping run, which also
 * notices shapes that rehashing on sign-in has emptied, or rows imported behind Gatehouse's back.
 */
public final class TimingDecoy {

    private static final System.Logger LOG = System.getLogger(TimingDecoy.class.getName());
    /** More distinct shapes than this means garbage in the column; the first ones still count. */
    private static final int MAX_SHAPES = 1_000;

    private final Transactions tx;
    private final UserRepository users = new UserRepository();
    private final HashShape current;
    private volatile String decoy;

    public TimingDecoy(Transactions tx, AuthSettings settings) {
        this.tx = tx;
        this.current = HashShape.of("$argon2id$v=19$m=" + settings.hashing().argonMemoryKib() + ",t=" + settings.hashing().argonTimeCost()
                + ",p=" + settings.hashing().argonParallelism() + "$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .orElseThrow();
        this.decoy = current.decoy();
        refresh();
    }

    /** A stored hash of the most expensive shape found; verifying it never succeeds. */
    public String hash() {
        return decoy;
    }

    /** Looks for the shapes again; on a database failure the previous decoy stays. */
    public void refresh() {
        try {
            List<String> samples = tx.inTransaction(em -> users.hashShapeSamples(em, MAX_SHAPES));
            HashShape slowest = samples.stream().map(HashShape::of).flatMap(Optional::stream)
                    .max(Comparator.comparingLong(HashShape::cost)).filter(s -> s.cost() > current.cost()).orElse(current);
            if (!HashShape.of(decoy).orElseThrow().equals(slowest)) {
                decoy = slowest.decoy();
                LOG.log(Level.INFO, "unknown accounts are verified against {0} {1} (the costliest stored shape)",
                        slowest.family(), slowest.params());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read the stored hash shapes; unknown accounts keep the previous decoy: " + e);
        }
    }
}
