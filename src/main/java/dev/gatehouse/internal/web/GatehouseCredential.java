package dev.gatehouse.internal.web;

import jakarta.security.enterprise.credential.Credential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The credentials a request carries (session cookie, bearer token), handed to the identity store. */
public record GatehouseCredential(HttpServletRequest request, HttpServletResponse response) implements Credential {
}
