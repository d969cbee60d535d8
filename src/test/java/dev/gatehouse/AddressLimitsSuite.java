package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.account.InvalidCredentialsException;
import dev.gatehouse.ratelimit.RateLimitedException;
import org.junit.jupiter.api.Test;

/** Per-address limits: IPv4 per address, IPv6 per /64, IPv4-mapped IPv6 as its IPv4 address. */
public abstract class AddressLimitsSuite extends DatabaseSuite {

    static final String PW = "tangerine-otter-42";

    @Test
    void addressesOfOneIpv6Slash64ShareTheSignInBucket() {
        Gatehouse g = gh(b -> b.rateLimitSignInPerHour(2));
        g.auth().signUp("a@b.com", null, PW, null, null);
        assertThrows(InvalidCredentialsException.class, () -> g.auth().signIn("x@b.com", PW, "2001:db8:1:2::1", null));
        assertThrows(InvalidCredentialsException.class, () -> g.auth().signIn("y@b.com", PW, "2001:DB8:1:2:ffff:ffff:ffff:fffe", null));
        // a third address of the same /64, even bracketed and with the right password, is over the limit
        assertThrows(RateLimitedException.class, () -> g.auth().signIn("a@b.com", PW, "[2001:db8:1:2:abcd::77]", null));
        assertNotNull(g.auth().signIn("a@b.com", PW, "2001:db8:1:3::1", null)); // the next /64 is another bucket
    }

    @Test
    void ipv4StaysPerAddressAndIpv4MappedIpv6IsItsIpv4Address() {
        Gatehouse g = gh(b -> b.rateLimitSignInPerHour(2));
        g.auth().signUp("a@b.com", null, PW, null, null);
        assertThrows(InvalidCredentialsException.class, () -> g.auth().signIn("x@b.com", PW, "9.9.9.9", null));
        assertThrows(InvalidCredentialsException.class, () -> g.auth().signIn("y@b.com", PW, "::ffff:9.9.9.9", null));
        assertThrows(RateLimitedException.class, () -> g.auth().signIn("a@b.com", PW, "9.9.9.9", null));
        assertNotNull(g.auth().signIn("a@b.com", PW, "9.9.9.10", null));
    }

    @Test
    void passwordResetRequestsFromOneSlash64ShareTheAddressBucket() {
        Gatehouse g = gh(b -> b.rateLimitPasswordResetPerHour(2));
        g.auth().requestPasswordReset("p@b.com", "2001:db8:7:7::1");
        g.auth().requestPasswordReset("q@b.com", "2001:db8:7:7::2");
        assertThrows(RateLimitedException.class, () -> g.auth().requestPasswordReset("r@b.com", "2001:db8:7:7::3"));
        g.auth().requestPasswordReset("r@b.com", "2001:db8:7:8::3");
    }
}
