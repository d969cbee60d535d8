/**
 * Settings: {@link dev.gatehouse.config.AuthSettings}, one record per concern
 * ({@link dev.gatehouse.config.HashingSettings}, {@link dev.gatehouse.config.SessionSettings}, ...),
 * read from {@code gatehouse.*} system properties and {@code GATEHOUSE_*} environment variables and
 * validated once at start-up. Every setting is listed in {@code docs/SETTINGS.md}.
 */
package dev.gatehouse.config;
