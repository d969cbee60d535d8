package dev.gatehouse.internal.oidc;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The claims of an ID token (OpenID Connect Core 3.1.3.7), checked against Gatehouse's clock: exact issuer, our
 * client id among the audiences, {@code azp} equal to it when present (and required with several audiences), an
 * expiry in the future and an issue time not in the future (each within the allowed skew), a subject, and the
 * flow's nonce (compared in constant time).
 */
final class IdTokenClaimsCheck implements JWTClaimsSetVerifier<SecurityContext> {

    private final String issuer;
    private final String clientId;
    private final String nonce;
    private final Clock clock;
    private final long skewSeconds;

    IdTokenClaimsCheck(String issuer, String clientId, String nonce, Clock clock, long skewSeconds) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.nonce = nonce;
        this.clock = clock;
        this.skewSeconds = skewSeconds;
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        if (!issuer.equals(claims.getIssuer())) {
            throw new BadJWTException("issuer");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(clientId)) {
            throw new BadJWTException("audience");
        }
        Object azp = claims.getClaim("azp");
        if ((audience.size() > 1 || azp != null) && !clientId.equals(azp)) {
            throw new BadJWTException("azp");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null || !exp.toInstant().plusSeconds(skewSeconds).isAfter(now)) {
            throw new BadJWTException("expired");
        }
        Date iat = claims.getIssueTime();
        if (iat == null || iat.toInstant().minusSeconds(skewSeconds).isAfter(now)) {
            throw new BadJWTException("issued_in_future");
        }
        String sub = claims.getSubject();
        if (sub == null || sub.isEmpty() || sub.length() > 255) {
            throw new BadJWTException("subject");
        }
        Object n = claims.getClaim("nonce");
        if (!(n instanceof String s) || !MessageDigest.isEqual(s.getBytes(StandardCharsets.UTF_8),
                nonce.getBytes(StandardCharsets.UTF_8))) {
            throw new BadJWTException("nonce");
        }
    }
}
