package org.alaraaudit.history;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the tests, from Debian's binaries (/usr/lib/postgresql/VERSION/bin), started once
 * per test JVM in a temporary folder on a free loopback port and stopped when the JVM ends. PostgreSQL refuses
 * to run as root, so as root (CI) the server runs as the unprivileged user {@code nobody}, which then owns the
 * folder. Without the binaries the PostgreSQL tests are skipped, so the build passes on a machine without them.
 */
final class PostgresServer {
    private static final String USER = "alara";
    private static PostgresServer shared;
    private static String unavailable;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asNobody;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path bin, Path dir, int port, boolean asNobody) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asNobody = asNobody;
    }

    /** The server, started on first use; skips the calling test when PostgreSQL is not installed or will not start. */
    static synchronized PostgresServer shared() {
        if (shared == null && unavailable == null) {
            Path bin = binaries();
            if (bin == null) {
                unavailable = "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)";
            } else {
                try {
                    shared = start(bin);
                    Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "stop test PostgreSQL"));
                } catch (IOException | InterruptedException e) {
                    unavailable = "PostgreSQL did not start: " + e.getMessage();
                }
            }
        }
        Assumptions.assumeTrue(shared != null, unavailable);
        return shared;
    }

    /** A new, empty database of its own for one test: {@code jdbc:postgresql://127.0.0.1:PORT/NAME?user=alara}. */
    String newDatabase() {
        String name = "history_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    String url(String database) { return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER; }

    /** The newest installed major version's bin folder with initdb and pg_ctl, or null. */
    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) return null;
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(PostgresServer::majorVersion))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static PostgresServer start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name")) || "0".equals(run(List.of("id", "-u"), null).trim());
        Path dir = Files.createTempDirectory("alara-pg");
        if (root) run(List.of("chown", "-R", "nobody", dir.toString()), null);
        int port = freePort();
        PostgresServer s = new PostgresServer(bin, dir, port, root);
        s.pg(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"));
        s.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off", "start"));
        return s;
    }

    private void stop() {
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
        } catch (IOException | InterruptedException e) {
            // The JVM is ending; a server left running would be found by its port being busy next time.
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder; nothing else depends on it.
        }
    }

    private void pg(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asNobody) full.addAll(List.of("runuser", "-u", "nobody", "--"));
        full.addAll(command);
        run(full, dir);
    }

    private static String run(List<String> command, Path workDir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) pb.directory(workDir.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + text.trim());
        return text;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
