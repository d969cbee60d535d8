package dev.gatehouse.example;

/** {@link DatabaseOutageSuite} with MariaDB behind the proxy. */
class DatabaseOutageMariaDbIT extends DatabaseOutageSuite {
    @Override
    ExternalDatabase.Engine engine() {
        return ExternalDatabase.Engine.MARIADB;
    }
}
