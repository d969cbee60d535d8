package dev.gatehouse.example;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback between the application and its database, controlled by the test:
 * {@link #forward()} passes bytes, {@link #cut()} drops every open connection and refuses new
 * ones (resets), {@link #stall()} keeps connections open but passes nothing (a hung network path),
 * {@link #delay(int)} passes bytes after a fixed delay per chunk. The database itself is never touched.
 */
final class TcpProxy implements AutoCloseable {

    enum Mode { FORWARD, CUT, STALL }

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile Mode mode = Mode.FORWARD;
    private volatile int delayMillis;
    private final Object gate = new Object();

    TcpProxy(String host, int port) throws IOException {
        this.target = new InetSocketAddress(host, port);
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted since start. */
    int accepted() {
        return accepted.get();
    }

    /** Connections dropped by {@link #cut()} or refused while cut. */
    int dropped() {
        return dropped.get();
    }

    void forward() {
        delayMillis = 0;
        setMode(Mode.FORWARD);
    }

    void delay(int millis) {
        delayMillis = millis;
        setMode(Mode.FORWARD);
    }

    void stall() {
        setMode(Mode.STALL);
    }

    void cut() {
        setMode(Mode.CUT);
        for (Socket s : open) {
            dropped.incrementAndGet();
            abort(s);
        }
    }

    private void setMode(Mode m) {
        synchronized (gate) {
            mode = m;
            gate.notifyAll();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                accepted.incrementAndGet();
                if (mode == Mode.CUT) {
                    dropped.incrementAndGet();
                    abort(client);
                    continue;
                }
                Thread t = new Thread(() -> connect(client), "proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void connect(Socket client) {
        open.add(client);
        try {
            awaitPassable();
            Socket upstream = new Socket();
            open.add(upstream);
            upstream.connect(target, 5000);
            Thread up = new Thread(() -> pump(client, upstream), "proxy-up");
            up.setDaemon(true);
            up.start();
            pump(upstream, client);
        } catch (IOException | InterruptedException e) {
            abort(client);
        }
    }

    /** Copies bytes one way until either side closes; in STALL the bytes wait, in CUT the sockets are gone. */
    private void pump(Socket from, Socket to) {
        byte[] buf = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                awaitPassable();
                int d = delayMillis;
                if (d > 0) {
                    Thread.sleep(d); // the injected latency itself, not a wait for time to pass
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away or was cut
        } finally {
            abort(from);
            abort(to);
        }
    }

    private void awaitPassable() throws InterruptedException, IOException {
        synchronized (gate) {
            while (mode == Mode.STALL) {
                gate.wait();
            }
            if (mode == Mode.CUT) {
                throw new IOException("cut");
            }
        }
    }

    /** Closes with a reset, as a dead network path or a crashed peer looks to the other side. */
    private void abort(Socket s) {
        open.remove(s);
        try {
            s.setSoLinger(true, 0);
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }
}
