/** CDI wiring of Gatehouse. Not API. */
package dev.gatehouse.internal.cdi;
