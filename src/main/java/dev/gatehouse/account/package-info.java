/**
 * Accounts: sign-up, sign-in, password change and reset, email verification
 * ({@link dev.gatehouse.account.AuthService}), operators' administration
 * ({@link dev.gatehouse.account.UserAdminService}), password hashing and the account errors.
 */
package dev.gatehouse.account;
