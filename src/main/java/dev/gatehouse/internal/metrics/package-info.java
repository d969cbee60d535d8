/**
 * Meters and health checks. Only {@code MicrometerMetrics} touches Micrometer, and it is loaded only
 * when Micrometer is on the class path ({@link dev.gatehouse.internal.metrics.MetricsSelector}). Not API.
 */
package dev.gatehouse.internal.metrics;
