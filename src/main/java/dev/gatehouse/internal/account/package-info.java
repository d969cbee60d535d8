/**
 * Account flows behind {@code dev.gatehouse.account}: sign-in's verdict, the failure
 * lock, device cookies, the timing decoy, identifier rules. Not API.
 */
package dev.gatehouse.internal.account;
