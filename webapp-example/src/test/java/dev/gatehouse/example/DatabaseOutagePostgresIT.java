package dev.gatehouse.example;

/** {@link DatabaseOutageSuite} with PostgreSQL behind the proxy. */
class DatabaseOutagePostgresIT extends DatabaseOutageSuite {
    @Override
    ExternalDatabase.Engine engine() {
        return ExternalDatabase.Engine.POSTGRES;
    }
}
