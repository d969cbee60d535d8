package dev.gatehouse.web;

import dev.gatehouse.role.RequiresPermission;
import dev.gatehouse.session.RequiresRecentAuth;
import dev.gatehouse.session.RequiresSession;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/** A small application protected in every way the issue names. */
public final class TestApp {

    private TestApp() {
    }

    static void text(HttpServletResponse res, String body) throws IOException {
        res.setContentType("text/plain;charset=utf-8");
        res.getWriter().write(body);
    }

    /** Container-constrained: only role admin. */
    @ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
    public static class AdminServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            text(res, "admin:" + req.getRemoteUser());
        }
    }

    /** Unconstrained: reports what the container and SecurityContext say about the caller. */
    public static class WhoAmIServlet extends HttpServlet {
        @Inject
        SecurityContext securityContext;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            Principal p = req.getUserPrincipal();
            Principal sc = securityContext.getCallerPrincipal();
            text(res, "principal=" + (p == null ? "" : p.getName()) + " remote=" + req.getRemoteUser()
                    + " admin=" + req.isUserInRole("admin") + " type=" + req.getAuthType()
                    + " sc=" + (sc == null ? "" : sc.getName()) + " scAdmin=" + securityContext.isCallerInRole("admin"));
        }
    }

    @ApplicationScoped
    public static class AdminService {
        @RolesAllowed("admin")
        public String adminOnly() {
            return "admin-only";
        }

        @PermitAll
        public String open() {
            return "open";
        }
    }

    @ApplicationScoped
    @RolesAllowed("admin")
    public static class ClassLevelAdminService {
        public String guarded() {
            return "class-guarded";
        }

        @PermitAll
        public String exempt() {
            return "exempt";
        }
    }

    @ApplicationScoped
    @DenyAll
    public static class LockedService {
        public String locked() {
            return "never";
        }
    }

    @ApplicationScoped
    public static class ProjectService {
        @RequiresPermission("projects.read")
        public String list() {
            return "projects:[]";
        }

        @RequiresPermission("projects.write")
        public String create() {
            return "created";
        }
    }

    /** /service?m=adminOnly|open|guarded|exempt|locked */
    public static class ServiceServlet extends HttpServlet {
        @Inject
        AdminService admin;
        @Inject
        ClassLevelAdminService classLevel;
        @Inject
        LockedService locked;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            String m = String.valueOf(req.getParameter("m"));
            text(res, switch (m) {
                case "open" -> admin.open();
                case "guarded" -> classLevel.guarded();
                case "exempt" -> classLevel.exempt();
                case "locked" -> locked.locked();
                default -> admin.adminOnly();
            });
        }
    }

    public static class ProjectsServlet extends HttpServlet {
        @Inject
        ProjectService projects;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            text(res, projects.list());
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            text(res, projects.create());
        }
    }

    @ApplicationScoped
    public static class AccountService {
        @RequiresSession
        public String manage() {
            return "managed";
        }

        @RequiresRecentAuth
        public String close() {
            return "closed";
        }
    }

    /**
     * Account management: GET through a {@code @RequiresSession} bean, POST through {@link Guards#requireSession};
     * the sensitive ones: PUT through {@link Guards#requireRecentAuth}, DELETE through a {@code @RequiresRecentAuth} bean.
     */
    public static class AccountServlet extends HttpServlet {
        @Inject
        AccountService account;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            text(res, account.manage());
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            text(res, "managed by " + Guards.requireSession(req).userId());
        }

        @Override
        protected void doPut(HttpServletRequest req, HttpServletResponse res) throws IOException {
            text(res, "changed by " + Guards.requireRecentAuth(req).userId());
        }

        @Override
        protected void doDelete(HttpServletRequest req, HttpServletResponse res) throws IOException {
            text(res, account.close());
        }
    }

    /** Programmatic guard. */
    public static class ReportsServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            text(res, "reports for " + Guards.requirePermission(req, "reports.view").userId());
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            text(res, "posted by " + Guards.requireUser(req).userId());
        }
    }
}
