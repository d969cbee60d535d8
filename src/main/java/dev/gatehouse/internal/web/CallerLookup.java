package dev.gatehouse.internal.web;

import dev.gatehouse.Caller;
import dev.gatehouse.User;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.apitoken.ApiToken;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.role.RoleService;
import dev.gatehouse.session.ResolvedSession;
import dev.gatehouse.session.SessionCookie;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.web.GatehouseCredential;
import java.util.Optional;

/**
 * Who a credential belongs to: the session cookie first, then the API token. With
 * {@code requireEmailVerified}, an account whose email is not verified does not authenticate.
 */
public final class CallerLookup {

    private final AuthSettings settings;
    private final SessionService sessions;
    private final ApiTokenService apiTokens;
    private final AuthService auth;
    private final RoleService roles;

    public CallerLookup(AuthSettings settings, SessionService sessions, ApiTokenService apiTokens, AuthService auth,
                        RoleService roles) {
        this.settings = settings;
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.auth = auth;
        this.roles = roles;
    }

    /**
     * @param extend move a session's sliding expiry (then {@link Resolution#renewal()} holds the cookie to
     *               send again when it moved); false only reads
     */
    public Resolution resolve(GatehouseCredential credential, boolean extend) {
        String cookie = credential.sessionCookie();
        if (cookie != null) {
            Optional<ResolvedSession> s = sessions.resolve(cookie, extend).filter(r -> admissible(r.user()));
            if (s.isPresent()) {
                ResolvedSession session = s.get();
                User user = session.user();
                SessionCookie renewal = session.renewed() ? sessions.cookie(cookie, session.expiresAt()) : null;
                if (session.restricted()) {
                    return new Resolution(null, cookie, false, false, renewal, session);
                }
                return new Resolution(Caller.of(user, roles.grantedRoles(user.id()), null, session.sessionId(),
                        session.authentication()), cookie, false, false, renewal);
            }
        }
        String bearer = credential.bearerToken();
        if (bearer == null) {
            return Resolution.ANONYMOUS;
        }
        Optional<ApiToken> token = apiTokens.resolve(bearer, null);
        Optional<User> owner = token.flatMap(t -> auth.findUser(t.userId())).filter(this::admissible);
        if (owner.isEmpty()) {
            return new Resolution(null, null, true, false, null);
        }
        return new Resolution(Caller.of(owner.get(), roles.grantedRoles(owner.get().id()), token.get(), null),
                null, false, false, null);
    }

    /** With {@code requireEmailVerified}, only accounts without an email or with a verified one may act. */
    private boolean admissible(User user) {
        return !settings.accounts().requireEmailVerified() || user.email() == null || user.emailVerified();
    }
}
