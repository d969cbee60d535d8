package dev.gatehouse.example;

/** {@link TwoNodesSuite} on the machine's MariaDB. */
class TwoNodesMariaDbIT extends TwoNodesSuite {
    @Override
    ExternalDatabase.Engine engine() {
        return ExternalDatabase.Engine.MARIADB;
    }

    @Override
    java.time.Duration target() {
        return java.time.Duration.ofMillis(500 + 300);
    }
}
