package dev.gatehouse.cli;

class CliPostgresCliIT extends CliSuite {
    @Override
    protected String freshDatabaseUrl() {
        return postgresUrl();
    }
}
