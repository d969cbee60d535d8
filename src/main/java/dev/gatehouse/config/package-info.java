/**
 * Settings: {@link dev.gatehouse.config.AuthSettings}, read from {@code gatehouse.*} system
 * properties and {@code GATEHOUSE_*} environment variables and validated once at start-up.
 */
package dev.gatehouse.config;
