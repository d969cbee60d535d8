package dev.gatehouse.web;

import dev.gatehouse.account.UserAdminService;
import dev.gatehouse.role.RoleService;
import jakarta.enterprise.inject.spi.CDI;
import java.util.List;

/**
 * The five callers of the access matrices, made over HTTP on a fresh server: anonymous, a member
 * ({@code projects.read}), an admin ({@code *}), and the admin's API token with the scopes
 * {@code role:admin, projects.read, projects.write} and with only {@code reports.view}.
 *
 * @param headers each caller's request headers, in that order
 */
public record MatrixCallers(List<String[]> headers, String userId, String adminId) {

    public static final String PW = "tangerine-otter-42";

    public static MatrixCallers signUp(Http http) throws Exception {
        RoleService roles = CDI.current().select(RoleService.class).get();
        roles.defineRole("admin", List.of("*"));
        roles.defineRole("member", List.of("projects.read"));
        String userCookie = session(http, "user@example.com");
        String adminCookie = session(http, "admin@example.com");
        UserAdminService users = CDI.current().select(UserAdminService.class).get();
        String userId = users.findUserByEmail("user@example.com").orElseThrow().id();
        String adminId = users.findUserByEmail("admin@example.com").orElseThrow().id();
        roles.grantRole(userId, "member");
        roles.grantRole(adminId, "admin");
        roles.grantRole(adminId, "member");
        String withScope = token(http, adminCookie, "[\"role:admin\",\"projects.read\",\"projects.write\"]");
        String withoutScope = token(http, adminCookie, "[\"reports.view\"]");
        return new MatrixCallers(List.of(new String[0], new String[] {"Cookie", "gatehouse_session=" + userCookie},
                new String[] {"Cookie", "gatehouse_session=" + adminCookie},
                new String[] {"Authorization", "Bearer " + withScope},
                new String[] {"Authorization", "Bearer " + withoutScope}), userId, adminId);
    }

    private static String session(Http http, String email) throws Exception {
        return http.post("/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PW + "\"}")
                .cookie("gatehouse_session").orElseThrow();
    }

    private static String token(Http http, String cookie, String scopes) throws Exception {
        return http.post("/auth/tokens", "{\"name\":\"t\",\"scopes\":" + scopes + "}", "Cookie", "gatehouse_session=" + cookie)
                .json().getString("token");
    }
}
