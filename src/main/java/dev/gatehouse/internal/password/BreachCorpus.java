package dev.gatehouse.internal.password;

/**
 * A corpus of breached passwords keyed by SHA-1: the Pwned Passwords range API, or a stand-in (an
 * offline copy) that a deployment or test plugs into {@link BreachedPasswordRule}.
 */
public interface BreachCorpus {

    /**
     * How often the password with this SHA-1 was seen in breaches.
     *
     * @param sha1Hex 40 uppercase hex digits
     * @return 0 when the corpus does not hold it
     * @throws BreachCorpusUnavailableException the corpus did not answer in time or answered something unreadable
     */
    long timesSeen(String sha1Hex) throws BreachCorpusUnavailableException;
}
