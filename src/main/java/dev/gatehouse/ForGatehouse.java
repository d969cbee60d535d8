package dev.gatehouse;

import dev.gatehouse.config.AuthSettings;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the beans an application produces for Gatehouse under CDI: a {@code DataSource}
 * (non-JTA), an {@link AuthSettings} and a {@code java.time.Clock}. Each is optional; without
 * them Gatehouse reads {@link AuthSettings#fromEnvironment()}, uses the data source those
 * settings name, and the system UTC clock.
 *
 * <pre>{@code
 * @Produces @ForGatehouse
 * DataSource gatehouseDataSource() { return myPool; }
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE})
public @interface ForGatehouse {

    /** Literal for programmatic lookup. */
    final class Literal extends jakarta.enterprise.util.AnnotationLiteral<ForGatehouse> implements ForGatehouse {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
