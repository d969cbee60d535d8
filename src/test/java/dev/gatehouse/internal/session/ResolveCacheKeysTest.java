package dev.gatehouse.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gatehouse.User;
import dev.gatehouse.role.Role;
import dev.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolveCacheKeysTest {

    private static final Instant T0 = MutableClock.T0;
    private static final User ADA = new User("a1", "ada@b.com", null, null, T0, "free", null);

    private final MutableClock clock = new MutableClock();
    private final ResolveCache cache = new ResolveCache(clock, 30, 100);

    @Test
    void keysOfDifferentKindsForTheSameIdNeverMeet() {
        cache.put(new CacheKey.UserRow("a1"), "a1", ADA, cache.stamp());
        assertNull(cache.get(new CacheKey.GrantedRoles("a1")));
        assertEquals(ADA, cache.get(new CacheKey.UserRow("a1")));
    }

    @Test
    void invalidatingAUserForgetsEveryKindOfEntryTaggedWithIt() {
        long stamp = cache.stamp();
        cache.put(new CacheKey.UserRow("a1"), "a1", ADA, stamp);
        cache.put(new CacheKey.GrantedRoles("a1"), "a1", List.<Role>of(), stamp);
        cache.put(new CacheKey.SessionRow("h1"), "a1", new CacheKey.CachedSession(ADA, T0, T0.plusSeconds(60)), stamp);
        cache.invalidateUser("a1");
        assertNull(cache.get(new CacheKey.UserRow("a1")));
        assertNull(cache.get(new CacheKey.GrantedRoles("a1")));
        assertNull(cache.get(new CacheKey.SessionRow("h1")));
    }

    @Test
    void aPutReadBeforeTheKeyWasRemovedIsDropped() {
        CacheKey.SessionRow key = new CacheKey.SessionRow("h1");
        long stamp = cache.stamp();
        cache.remove(key); // signed out while the read was under way
        cache.put(key, "a1", new CacheKey.CachedSession(ADA, T0, T0.plusSeconds(60)), stamp);
        assertNull(cache.get(key));
        cache.put(key, "a1", new CacheKey.CachedSession(ADA, T0, T0.plusSeconds(60)), cache.stamp());
        assertEquals(ADA, cache.get(key).user());
    }

    @Test
    void entriesExpireAfterTheTtl() {
        cache.put(new CacheKey.UserRow("a1"), "a1", ADA, cache.stamp());
        clock.advance(Duration.ofSeconds(30));
        assertNull(cache.get(new CacheKey.UserRow("a1")));
    }
}
