package dev.gatehouse;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connections, while {@link #failing}, refuse statements as a lost connection would
 * (SQLState 08006): those the trigger matches, and with {@link #goesDownAt} every statement after the first
 * match too (the database went away mid-request), until {@link #recover()}.
 */
final class FailingStatements implements DataSource {

    private final DataSource target;
    private final Predicate<String> trigger;
    private final boolean staysDown;
    volatile boolean failing;
    private volatile boolean down;
    volatile int refused;

    private FailingStatements(DataSource target, Predicate<String> trigger, boolean staysDown) {
        this.target = target;
        this.trigger = trigger;
        this.staysDown = staysDown;
    }

    /** Refuses every statement that writes {@code audit_events}; everything else goes through. */
    static FailingStatements auditInserts(DataSource target) {
        return new FailingStatements(target, sql -> sql.contains("insert into audit_events"), false);
    }

    /** Goes down at the first statement that names {@code table}: it and every later statement fail. */
    static FailingStatements goesDownAt(DataSource target, String table) {
        return new FailingStatements(target, sql -> sql.contains(table), true);
    }

    /** The database answers again. */
    void recover() {
        failing = false;
        down = false;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return wrap(target.getConnection(user, password));
    }

    private Connection wrap(Connection c) {
        InvocationHandler h = (proxy, method, args) -> {
            if (failing && method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql
                    && (down || trigger.test(sql.toLowerCase(Locale.ROOT)))) {
                down = staysDown;
                refused++;
                throw new SQLTransientConnectionException("database unreachable (test)", "08006");
            }
            try {
                return method.invoke(c, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, h);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
