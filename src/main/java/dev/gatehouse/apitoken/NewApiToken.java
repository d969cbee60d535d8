package dev.gatehouse.apitoken;

import java.util.Objects;

/** A freshly created API token and its raw secret, which is shown once and never stored. */
public record NewApiToken(ApiToken token, String raw) {
    public NewApiToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(raw, "raw");
    }

    @Override
    public String toString() {
        return "NewApiToken[token=" + token + ", raw=***]";
    }
}
