package dev.gatehouse.internal.web.api;

import static dev.gatehouse.internal.web.api.RouteTable.When.ABSENT;
import static dev.gatehouse.internal.web.api.RouteTable.When.NOT_FOUND;
import static dev.gatehouse.internal.web.api.RouteTable.When.ON;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.HttpSettings;
import dev.gatehouse.config.Identifier;

/** The API's rows, paths relative to {@link HttpSettings#authPathPrefix()}: the one list of what it serves. */
final class ApiRoutes {

    private ApiRoutes() {
    }

    static RouteTable of(AuthSettings settings, AccountHandlers account, SessionHandlers sessions, TokenHandlers tokens,
                         LinkHandlers links, MfaHandlers mfa, PasskeyHandlers passkeys, OidcHandlers oidc,
                         ActivityHandlers activity, OpenApiHandler openApi) {
        boolean credentials = settings.http().enableCredentialsApi();
        boolean signup = credentials && settings.accounts().enableSignup();
        boolean usernames = signup && settings.accounts().identifier() == Identifier.USERNAME;
        boolean pk = settings.passkeys().enablePasskeys();
        boolean pkSignIn = pk && credentials;
        boolean pkSignUp = pk && signup && settings.passkeys().passwordlessSignUp();
        boolean od = !settings.oidc().oidcProviders().isEmpty();
        return new RouteTable()
                .add("GET", "/me", account::me)
                .add("POST", "/logout", account::logout)
                // Without the credentials API, /login is the application's to serve.
                .add("POST", "/login", account::login, credentials ? ON : ABSENT)
                .add("POST", "/signup", account::signup, signup ? ON : NOT_FOUND)
                .add("GET", "/username-available", account::usernameAvailable, usernames ? ON : NOT_FOUND)
                .add("POST", "/password", account::changePassword)
                .add("POST", "/mfa/verify", mfa::verify, credentials ? ON : ABSENT)
                .add("GET", "/mfa", mfa::status)
                .add("POST", "/mfa/totp", mfa::beginTotp)
                .add("DELETE", "/mfa/totp", mfa::removeTotp)
                .add("POST", "/mfa/totp/confirm", mfa::confirmTotp)
                .add("POST", "/mfa/recovery-codes", mfa::regenerate)
                .add("POST", "/reauth", mfa::reauth)
                .add("POST", "/passkeys/register/options", passkeys::registerOptions, pk ? ON : NOT_FOUND)
                .add("POST", "/passkeys/register", passkeys::register, pk ? ON : NOT_FOUND)
                .add("GET", "/passkeys", passkeys::list, pk ? ON : NOT_FOUND)
                .add("PATCH", "/passkeys/{id}", passkeys::rename, pk ? ON : NOT_FOUND)
                .add("DELETE", "/passkeys/{id}", passkeys::delete, pk ? ON : NOT_FOUND)
                .add("POST", "/passkeys/login/options", passkeys::loginOptions, pkSignIn ? ON : NOT_FOUND)
                .add("POST", "/passkeys/login", passkeys::login, pkSignIn ? ON : NOT_FOUND)
                .add("POST", "/passkeys/reauth/options", passkeys::reauthOptions, pk ? ON : NOT_FOUND)
                .add("POST", "/passkeys/signup/options", passkeys::signupOptions, pkSignUp ? ON : NOT_FOUND)
                .add("POST", "/passkeys/signup", passkeys::signup, pkSignUp ? ON : NOT_FOUND)
                .add("GET", "/oidc/providers", oidc::providers, od ? ON : NOT_FOUND)
                .add("GET", "/oidc/identities", oidc::identities, od ? ON : NOT_FOUND)
                .add("DELETE", "/oidc/identities/{id}", oidc::unlink, od ? ON : NOT_FOUND)
                .add("GET", "/oidc/{id}/start", oidc::start, od ? ON : NOT_FOUND)
                .add("GET", "/oidc/{id}/callback", oidc::callback, od ? ON : NOT_FOUND)
                .add("POST", "/oidc/{id}/link", oidc::link, od ? ON : NOT_FOUND)
                .add("POST", "/oidc/{id}/reauth", oidc::reauth, od ? ON : NOT_FOUND)
                .add("GET", "/sessions", sessions::list)
                .add("POST", "/sessions/revoke-others", sessions::revokeOthers)
                .add("DELETE", "/sessions/{id}", sessions::revoke)
                .add("GET", "/tokens", tokens::list)
                .add("POST", "/tokens", tokens::create)
                .add("DELETE", "/tokens/{id}", tokens::revoke)
                .add("POST", "/password/forgot", links::forgot)
                .add("POST", "/password/reset", links::reset)
                .add("POST", "/email/verify/request", links::verifyRequest)
                .add("POST", "/email/verify", links::verify)
                .add("POST", "/email/change", links::emailChange)
                .add("POST", "/email/change/confirm", links::emailChangeConfirm)
                .add("GET", "/activity", activity::own)
                .add("GET", "/admin/audit", activity::all)
                .add("GET", "/openapi.json", openApi::serve, settings.http().enableOpenApi() ? ON : NOT_FOUND);
    }
}
