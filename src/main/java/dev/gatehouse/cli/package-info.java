/**
 * The operator command line ({@code java -jar gatehouse-…-cli.jar}): Gatehouse's CDI services in
 * Java SE on Weld SE, against the application's database. See {@link GatehouseCli}.
 */
package dev.gatehouse.cli;
