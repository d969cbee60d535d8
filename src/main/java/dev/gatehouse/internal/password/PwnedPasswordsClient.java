package dev.gatehouse.internal.password;

import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Have I Been Pwned "Pwned Passwords" range API with k-anonymity: only the first 5 hex digits
 * of the SHA-1 are sent ({@code GET <base>/range/<prefix>}, padded answer), the suffix is matched
 * here. The timeout bounds the whole exchange, body included, and the body is capped, so a slow
 * or hostile endpoint costs a request thread at most the timeout.
 */
public final class PwnedPasswordsClient implements BreachCorpus {

    /** A real answer is about 40 KiB (roughly 1,000 lines with padding); anything this large is not one. */
    static final int MAX_ANSWER_BYTES = 2 * 1024 * 1024;
    static final String USER_AGENT = "Gatehouse-password-policy (breached-password check; k-anonymity range API)";
    private static final System.Logger LOG = System.getLogger(PwnedPasswordsClient.class.getName());

    private final HttpClient client;
    private final String baseUrl;
    private final Duration timeout;

    /** @param baseUrl absolute URL without a trailing slash, as validated by AuthSettings */
    public PwnedPasswordsClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        // No redirects: a 3xx is not an answer, and following one could downgrade to plain http.
        // The JVM's proxy settings (https.proxyHost, ...) apply: servers often reach the internet only through one.
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        ProxySelector proxies = ProxySelector.getDefault();
        this.client = (proxies == null ? builder : builder.proxy(proxies)).build();
    }

    @Override
    public long timesSeen(String sha1Hex) throws BreachCorpusUnavailableException {
        String prefix = sha1Hex.substring(0, 5);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/range/" + prefix))
                .timeout(timeout)
                .header("Add-Padding", "true")
                .header("User-Agent", USER_AGENT)
                .GET()
                .build();
        LOG.log(System.Logger.Level.DEBUG, "Pwned Passwords range lookup for prefix {0}", prefix);
        return RangeAnswer.timesSeen(fetch(request), sha1Hex.substring(5));
    }

    private byte[] fetch(HttpRequest request) throws BreachCorpusUnavailableException {
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> info.statusCode() == 200
                ? new CappedBody(MAX_ANSWER_BYTES) : BodySubscribers.replacing(new byte[0]));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new BreachCorpusUnavailableException("no complete answer within " + timeout.toMillis() + " ms", null);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new BreachCorpusUnavailableException("interrupted", null);
        } catch (ExecutionException e) {
            throw new BreachCorpusUnavailableException(reason(e.getCause(), timeout), null);
        }
        if (response.statusCode() != 200) {
            throw new BreachCorpusUnavailableException("HTTP status " + response.statusCode(), null);
        }
        return response.body();
    }

    /** The failure's class (refused, TLS, reset, timeout); not its message, which could quote the URL and prefix. */
    private static String reason(Throwable failure, Duration timeout) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CappedBody.TooLarge) {
                return t.getMessage();
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer within " + timeout.toMillis() + " ms";
            }
        }
        return "request failed: " + (failure == null ? "unknown" : failure.getClass().getSimpleName());
    }
}
