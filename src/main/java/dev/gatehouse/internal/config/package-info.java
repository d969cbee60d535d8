/**
 * Not API. The settings catalog (each setting's name, text form, default and place, written once)
 * and the reader that fills it from {@code gatehouse.*} properties and {@code GATEHOUSE_*}
 * environment variables.
 */
package dev.gatehouse.internal.config;
