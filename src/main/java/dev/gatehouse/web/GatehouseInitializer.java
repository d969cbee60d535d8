package dev.gatehouse.web;

import dev.gatehouse.internal.config.SettingsCatalog;
import dev.gatehouse.internal.config.SettingsReader;
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
 * context parameter {@code dev.gatehouse.autoRegister=false} (or the setting {@code filterAutoRegister}) to
 * register the filter yourself.
 */
public class GatehouseInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        String param = context.getInitParameter("dev.gatehouse.autoRegister"); // overrides the setting, read before CDI starts
        if (param != null ? "false".equalsIgnoreCase(param)
                : !SettingsReader.readOne(SettingsCatalog.FILTER_AUTO_REGISTER, System.getenv(), System.getProperties())) {
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
