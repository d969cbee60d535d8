package dev.gatehouse.web.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.internal.web.jaxrs.AccessFeature;
import dev.gatehouse.role.RequiresPermission;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which resource methods get an access filter, as a runtime asks: RESTEasy may hand over the
 * interface's method where Jersey hands over the class's, and the class's annotations must count.
 */
class AccessFeatureTest {

    private static List<Object> filtersFor(Class<?> type, Method method) {
        List<Object> registered = new ArrayList<>();
        ClassLoader loader = AccessFeatureTest.class.getClassLoader();
        ResourceInfo info = (ResourceInfo) Proxy.newProxyInstance(loader, new Class<?>[] {ResourceInfo.class},
                (proxy, m, args) -> m.getName().equals("getResourceClass") ? type : method);
        FeatureContext context = (FeatureContext) Proxy.newProxyInstance(loader, new Class<?>[] {FeatureContext.class},
                (proxy, m, args) -> {
                    registered.add(args[0]);
                    return proxy;
                });
        new AccessFeature().configure(info, context);
        return registered;
    }

    @Test
    void interfaceMethodIsJudgedByTheImplementingClassesAnnotations() throws Exception {
        Method contract = JaxRsTestApp.ReportContract.class.getMethod("report");
        List<Object> filters = filtersFor(JaxRsTestApp.PlainReport.class, contract);
        assertEquals(1, filters.size());
        assertInstanceOf(ContainerRequestFilter.class, filters.get(0));
    }

    @Test
    void unguardedMethodsGetNoFilter() throws Exception {
        assertEquals(List.of(), filtersFor(JaxRsTestApp.WhoAmIResource.class,
                JaxRsTestApp.WhoAmIResource.class.getMethod("whoami", jakarta.ws.rs.core.SecurityContext.class)));
        assertEquals(List.of(), filtersFor(JaxRsTestApp.PlainOpen.class, JaxRsTestApp.OpenEndpoints.class.getMethod("open")));
    }

    @Test
    void recentAuthenticationAloneGetsAFilterEvenUnderPermitAll() throws Exception {
        assertEquals(1, filtersFor(JaxRsTestApp.PlainSensitive.class,
                JaxRsTestApp.SensitiveEndpoints.class.getMethod("exempt")).size());
        assertEquals(1, filtersFor(JaxRsTestApp.PlainAccount.class,
                JaxRsTestApp.AccountEndpoints.class.getMethod("changeEmail")).size());
    }

    static class Blank {
        @GET
        @RequiresPermission(" ")
        public String get() {
            return "";
        }
    }

    @Test
    void permissionNamingNothingFailsTheDeployment() throws Exception {
        assertThrows(IllegalStateException.class, () -> filtersFor(Blank.class, Blank.class.getMethod("get")));
    }
}
