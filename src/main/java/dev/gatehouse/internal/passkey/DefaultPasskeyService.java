package dev.gatehouse.internal.passkey;

import dev.gatehouse.passkey.Passkey;
import dev.gatehouse.passkey.PasskeyOptions;
import dev.gatehouse.passkey.PasskeyService;
import java.util.List;
import java.util.Optional;

/** Work in progress (skeleton). */
public final class DefaultPasskeyService implements PasskeyService {
    @Override public PasskeyOptions registrationOptions(String userId) { throw new UnsupportedOperationException(); }
    @Override public Passkey register(String userId, String credentialJson, String name, String ip, String userAgent) { throw new UnsupportedOperationException(); }
    @Override public List<Passkey> list(String userId) { throw new UnsupportedOperationException(); }
    @Override public Optional<Passkey> rename(String userId, String passkeyId, String name) { throw new UnsupportedOperationException(); }
    @Override public boolean delete(String userId, String passkeyId, String ip, String userAgent) { throw new UnsupportedOperationException(); }
    @Override public PasskeyOptions signInOptions(String pendingUserId, String ip) { throw new UnsupportedOperationException(); }
    @Override public PasskeyOptions reauthOptions(String userId) { throw new UnsupportedOperationException(); }
    @Override public PasskeyOptions signUpOptions(String email, String username, String ip) { throw new UnsupportedOperationException(); }
    @Override public boolean available() { return false; }
}
