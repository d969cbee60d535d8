package dev.gatehouse.example;

/** {@link TwoNodesSuite} on the machine's PostgreSQL. */
class TwoNodesPostgresIT extends TwoNodesSuite {
    @Override
    ExternalDatabase.Engine engine() {
        return ExternalDatabase.Engine.POSTGRES;
    }

    @Override
    java.time.Duration target() {
        return java.time.Duration.ofMillis(300);
    }
}
