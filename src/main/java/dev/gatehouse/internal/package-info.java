/** Implementation of Gatehouse. Not API: may change in any release. */
package dev.gatehouse.internal;
