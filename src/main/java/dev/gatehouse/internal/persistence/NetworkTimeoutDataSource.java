package dev.gatehouse.internal.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source Hibernate sees: every connection it takes gets a JDBC network timeout, so a
 * database that stops answering (a stalled network path, a hung server) fails the request after a
 * bounded time instead of holding the thread forever. Statement and lock timeouts cover a database
 * that answers slowly; only a socket timeout covers one that does not answer at all. Pools reset
 * the timeout when the connection is returned (HikariCP does), so migrations and the application's
 * own use of a shared pool are unaffected. Drivers that do not support it (embedded H2) are left as
 * they are.
 */
final class NetworkTimeoutDataSource implements DataSource {

    private static final Executor DIRECT = Runnable::run;

    private final DataSource delegate;
    private final int timeoutMillis;
    private volatile boolean supported = true;

    NetworkTimeoutDataSource(DataSource delegate, int timeoutMillis) {
        this.delegate = delegate;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return withTimeout(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return withTimeout(delegate.getConnection(username, password));
    }

    private Connection withTimeout(Connection c) throws SQLException {
        if (supported) {
            try {
                c.setNetworkTimeout(DIRECT, timeoutMillis);
            } catch (SQLFeatureNotSupportedException | AbstractMethodError | UnsupportedOperationException e) {
                supported = false;
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    @Override public PrintWriter getLogWriter() throws SQLException { return delegate.getLogWriter(); }
    @Override public void setLogWriter(PrintWriter out) throws SQLException { delegate.setLogWriter(out); }
    @Override public void setLoginTimeout(int seconds) throws SQLException { delegate.setLoginTimeout(seconds); }
    @Override public int getLoginTimeout() throws SQLException { return delegate.getLoginTimeout(); }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { return delegate.getParentLogger(); }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(delegate) ? iface.cast(delegate) : delegate.unwrap(iface);
    }
    @Override public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(delegate) || delegate.isWrapperFor(iface);
    }
}
