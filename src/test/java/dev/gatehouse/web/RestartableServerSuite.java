package dev.gatehouse.web;

import dev.gatehouse.config.AuthSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A black-box suite with its own test server of one integration mode, that some tests replace for a while by
 * a server with other settings (a {@link Variant}). Only one Weld container runs at a time (a second one
 * beside it breaks the first), so the suite's server is stopped while a variant runs and started again, with
 * the suite's settings, when the variant closes or fails to start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RestartableServerSuite {

    /** The suite's own settings; set them before {@link #startOwnServer()}. */
    protected AuthSettings settings;
    protected TestServer server;
    protected Http http;

    protected abstract TestServer.Mode mode();

    protected final void startOwnServer() throws Exception {
        server = TestServer.start(mode(), settings);
        http = new Http(server.base());
    }

    @AfterAll
    void stopOwnServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** Stops the suite's server and starts one of this mode with {@code s} in its place. */
    protected final Variant variant(AuthSettings s) throws Exception {
        server.close();
        try {
            return new Variant(s);
        } catch (Exception | Error e) { // NOPMD: whatever failed, the suite's server comes back
            startOwnServer();
            throw e;
        }
    }

    /** A server with other settings; closing it brings the suite's own server back. */
    protected final class Variant implements AutoCloseable {
        public final TestServer server;
        public final Http http;

        private Variant(AuthSettings s) throws Exception {
            this.server = TestServer.start(mode(), s);
            this.http = new Http(server.base());
        }

        @Override
        public void close() throws Exception {
            try {
                server.close();
            } finally {
                startOwnServer();
            }
        }
    }
}
