package dev.gatehouse.web.jaxrs;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.Caller;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.role.RequiresPermission;
import dev.gatehouse.session.RequiresRecentAuth;
import dev.gatehouse.session.RequiresSession;
import dev.gatehouse.web.Guards;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;

/**
 * Resources guarded in every way the issue names. Each family of endpoints is served twice: under
 * {@code /cdi/...} by a CDI bean (so Gatehouse's interceptors check it too) and under
 * {@code /plain/...} by a class Jersey creates itself ({@code @Vetoed}: Jersey's CDI integration would
 * otherwise make every resource a bean), which only the JAX-RS filter checks.
 */
public final class JaxRsTestApp {

    private JaxRsTestApp() {
    }

    /** Every resource class, for registering them by hand. */
    static final List<Class<?>> RESOURCES = List.of(CdiAdmin.class, PlainAdmin.class, CdiOpen.class, PlainOpen.class,
            CdiLocked.class, PlainLocked.class, CdiProjects.class, PlainProjects.class, CdiAccount.class,
            PlainAccount.class, CdiReport.class, PlainReport.class, CdiSensitive.class, PlainSensitive.class,
            ServiceResource.class, WhoAmIResource.class, ErrorsResource.class);

    /** Class-level {@code @RolesAllowed("admin")} on the subclasses, overridden per method. */
    public abstract static class AdminEndpoints {
        @GET
        @Path("guarded")
        public String guarded() {
            return "guarded";
        }

        @GET
        @Path("exempt")
        @PermitAll
        public String exempt() {
            return "exempt";
        }

        @GET
        @Path("member")
        @RolesAllowed("member")
        public String member() {
            return "member";
        }

        @GET
        @Path("locked")
        @DenyAll
        public String locked() {
            return "never";
        }
    }

    @Path("cdi/admin")
    @RequestScoped
    @RolesAllowed("admin")
    public static class CdiAdmin extends AdminEndpoints {
    }

    @Path("plain/admin")
    @Vetoed
    @RolesAllowed("admin")
    public static class PlainAdmin extends AdminEndpoints {
    }

    /** Class-level {@code @PermitAll} on the subclasses. */
    public abstract static class OpenEndpoints {
        @GET
        @Path("open")
        public String open() {
            return "open";
        }

        @GET
        @Path("admin")
        @RolesAllowed("admin")
        public String admin() {
            return "admin";
        }
    }

    @Path("cdi/open")
    @RequestScoped
    @PermitAll
    public static class CdiOpen extends OpenEndpoints {
    }

    @Path("plain/open")
    @Vetoed
    @PermitAll
    public static class PlainOpen extends OpenEndpoints {
    }

    /** Class-level {@code @DenyAll} on the subclasses. */
    public abstract static class LockedEndpoints {
        @GET
        @Path("locked")
        public String locked() {
            return "never";
        }

        @GET
        @Path("exempt")
        @PermitAll
        public String exempt() {
            return "exempt";
        }
    }

    @Path("cdi/locked")
    @RequestScoped
    @DenyAll
    public static class CdiLocked extends LockedEndpoints {
    }

    @Path("plain/locked")
    @Vetoed
    @DenyAll
    public static class PlainLocked extends LockedEndpoints {
    }

    /** Class-level {@code @RequiresPermission("projects.read")} on the subclasses. */
    public abstract static class ProjectEndpoints {
        @GET
        public String list() {
            return "projects:[]";
        }

        @POST
        @RequiresPermission("projects.write")
        public String create() {
            return "created";
        }

        @GET
        @Path("featured")
        @PermitAll
        public String featured() {
            return "featured";
        }
    }

    @Path("cdi/projects")
    @RequestScoped
    @RequiresPermission("projects.read")
    public static class CdiProjects extends ProjectEndpoints {
    }

    @Path("plain/projects")
    @Vetoed
    @RequiresPermission("projects.read")
    public static class PlainProjects extends ProjectEndpoints {
    }

    /** Class-level {@code @RequiresSession} on the subclasses. */
    public abstract static class AccountEndpoints {
        @GET
        public String manage() {
            return "managed";
        }

        @GET
        @Path("admin")
        @RolesAllowed("admin")
        public String admin() {
            return "admin managed";
        }

        @POST
        @Path("email")
        @RequiresRecentAuth
        public String changeEmail() {
            return "email changed";
        }
    }

    @Path("cdi/account")
    @RequestScoped
    @RequiresSession
    public static class CdiAccount extends AccountEndpoints {
    }

    @Path("plain/account")
    @Vetoed
    @RequiresSession
    public static class PlainAccount extends AccountEndpoints {
    }

    /** Class-level {@code @RequiresRecentAuth} on the subclasses. */
    public abstract static class SensitiveEndpoints {
        @GET
        public String sensitive() {
            return "sensitive";
        }

        @GET
        @Path("exempt")
        @PermitAll
        public String exempt() {
            return "still sensitive";
        }
    }

    @Path("cdi/sensitive")
    @RequestScoped
    @RequiresRecentAuth
    public static class CdiSensitive extends SensitiveEndpoints {
    }

    @Path("plain/sensitive")
    @Vetoed
    @RequiresRecentAuth
    public static class PlainSensitive extends SensitiveEndpoints {
    }

    /** JAX-RS annotations on an interface, Gatehouse's on the implementing classes. */
    public interface ReportContract {
        @GET
        String report();
    }

    @Path("cdi/report")
    @RequestScoped
    public static class CdiReport implements ReportContract {
        @Override
        @RolesAllowed("admin")
        public String report() {
            return "report";
        }
    }

    @Path("plain/report")
    @Vetoed
    public static class PlainReport implements ReportContract {
        @Override
        @RolesAllowed("admin")
        public String report() {
            return "report";
        }
    }

    /** A CDI bean guarded by Gatehouse's interceptors, called by an unguarded resource. */
    @ApplicationScoped
    public static class GuardedService {
        @RolesAllowed("admin")
        public String adminOnly() {
            return "admin-only";
        }

        @RequiresPermission("projects.write")
        public String write() {
            return "written";
        }

        @RequiresRecentAuth
        public String sensitive() {
            return "sensitive";
        }
    }

    @Path("service")
    @RequestScoped
    public static class ServiceResource {
        @Inject
        GuardedService service;

        @GET
        @Path("admin")
        public String admin() {
            return service.adminOnly();
        }

        @GET
        @Path("write")
        public String write() {
            return service.write();
        }

        @GET
        @Path("recent")
        public String recent() {
            return service.sensitive();
        }
    }

    @Path("whoami")
    public static class WhoAmIResource {
        @GET
        public String whoami(@Context SecurityContext sc) {
            Principal p = sc.getUserPrincipal();
            return "principal=" + (p == null ? "" : p.getName()) + " admin=" + sc.isUserInRole("admin")
                    + " member=" + sc.isUserInRole("member") + " scheme=" + sc.getAuthenticationScheme()
                    + " secure=" + sc.isSecure();
        }
    }

    /** Exceptions as applications meet them. */
    @Path("errors")
    @RequestScoped
    public static class ErrorsResource {
        @Inject
        AuthService auth;
        @Context
        HttpServletRequest request;

        /** Sign-up through the real service: a bad email, a weak password or a taken address is an AuthException. */
        @POST
        @Path("signup")
        public String signUp(@QueryParam("email") String email, @QueryParam("password") String password) {
            return auth.signUp(email, null, password, "127.0.0.1", "test").user().id();
        }

        @POST
        @Path("signin")
        public String signIn(@QueryParam("email") String email, @QueryParam("password") String password) {
            return auth.signIn(email, password, "127.0.0.1", "test").user().id();
        }

        @GET
        @Path("unavailable")
        public String unavailable() {
            throw GatehouseUnavailableException.unavailable("The database is not answering.", 30, null);
        }

        /** What an enterprise bean's container makes of a guard's refusal inside the bean: a system exception. */
        @GET
        @Path("wrapped")
        public String wrapped() {
            Caller caller = Guards.caller(request).orElse(null);
            throw new EJBException(caller == null ? AccessDeniedException.authRequired()
                    : AccessDeniedException.forbidden("reports.view"));
        }

        @GET
        @Path("ejb-fault")
        public String ejbFault() {
            throw new EJBException(new IllegalStateException("secret detail: jdbc:postgresql://db/internal"));
        }

        /** What an enterprise bean's container throws for a caller without the bean's role. */
        @GET
        @Path("ejb")
        public String ejb() {
            throw new EJBAccessException("WFLYEJB0364: Invocation on method is not allowed");
        }
    }
}
