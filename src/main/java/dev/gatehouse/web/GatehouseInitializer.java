package dev.gatehouse.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * Registers {@link GatehouseFilter} on {@code /*}, first in the chain. Containers that scan
 * {@code META-INF/services} (WildFly, Payara, Tomcat) run it by themselves; with an embedded
 * Jetty {@code ServletContextHandler} add it with {@code addServletContainerInitializer}. Set the
 * context parameter {@code dev.gatehouse.autoRegister=false} to register the filter yourself.
 */
public class GatehouseInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if ("false".equalsIgnoreCase(context.getInitParameter("dev.gatehouse.autoRegister"))) {
            return;
        }
        FilterRegistration.Dynamic f = context.addFilter("gatehouse", GatehouseFilter.class);
        if (f == null) {
            return; // already declared by the application
        }
        f.setAsyncSupported(true);
        f.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
}
