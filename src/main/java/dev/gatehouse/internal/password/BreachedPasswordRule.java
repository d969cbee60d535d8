package dev.gatehouse.internal.password;

import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.account.WeakPasswordException;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.BreachedPasswordCheck;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Setting {@code breachedPasswordCheck}: refuses a new password seen in breaches at least
 * {@code breachedPasswordMinCount} times (ASVS 6.2.12), and applies fail-open or fail-closed when
 * the corpus cannot answer. Runs after the cheap local rules, before hashing, outside any transaction.
 */
public final class BreachedPasswordRule {

    static final String BREACHED = "This password has appeared in a data breach, so attackers try it early. "
            + "Choose a different one, such as a few unrelated words, and do not reuse a password from another site.";
    static final String UNAVAILABLE = "We could not check this password against known breaches right now; "
            + "try again shortly.";
    private static final long RETRY_AFTER_SECONDS = 10;
    private static final System.Logger LOG = System.getLogger(BreachedPasswordRule.class.getName());

    private final BreachedPasswordCheck mode;
    private final int minCount;
    private final BreachCorpus corpus;

    /** @param corpus may be null only when {@code mode} is OFF */
    public BreachedPasswordRule(BreachedPasswordCheck mode, int minCount, BreachCorpus corpus) {
        if (mode != BreachedPasswordCheck.OFF && corpus == null) {
            throw new IllegalArgumentException("breachedPasswordCheck " + mode.wireName() + " needs a corpus");
        }
        this.mode = mode;
        this.minCount = minCount;
        this.corpus = corpus;
    }

    /** The rule the settings ask for; with {@code off} it never sends anything anywhere. */
    public static BreachedPasswordRule from(AuthSettings settings) {
        BreachedPasswordCheck mode = settings.passwords().breachedPasswordCheck();
        BreachCorpus corpus = mode == BreachedPasswordCheck.OFF ? null : new PwnedPasswordsClient(
                settings.passwords().breachedPasswordApiUrl(), Duration.ofMillis(settings.passwords().breachedPasswordTimeoutMillis()));
        return new BreachedPasswordRule(mode, settings.passwords().breachedPasswordMinCount(), corpus);
    }

    /**
     * @throws WeakPasswordException the password is in the corpus (code {@code weak_password})
     * @throws GatehouseUnavailableException fail-closed and the corpus gave no usable answer
     *         (code {@code breach_check_unavailable}: the user did nothing wrong and may retry)
     */
    public void check(String password) {
        if (mode == BreachedPasswordCheck.OFF || password == null) {
            return;
        }
        long seen;
        try {
            seen = corpus.timesSeen(sha1Hex(password));
        } catch (BreachCorpusUnavailableException e) {
            if (mode == BreachedPasswordCheck.FAIL_OPEN) {
                LOG.log(System.Logger.Level.WARNING, "Breached-password check unavailable ({0}); password accepted "
                        + "unchecked (breachedPasswordCheck=fail-open)", e.getMessage());
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "Breached-password check unavailable ({0}); password refused "
                    + "(breachedPasswordCheck=fail-closed)", e.getMessage());
            throw GatehouseUnavailableException.breachCheckUnavailable(UNAVAILABLE, RETRY_AFTER_SECONDS, e);
        }
        if (seen >= minCount) {
            throw new WeakPasswordException(BREACHED);
        }
    }

    private static String sha1Hex(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
    }
}
