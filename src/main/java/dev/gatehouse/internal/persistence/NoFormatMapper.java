package dev.gatehouse.internal.persistence;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * Gatehouse maps no JSON or XML columns. Naming this mapper stops Hibernate from looking for a
 * JSON-B or JAXB implementation, which fails where the API is present without one (a Web Profile
 * API jar on an embedded server's classpath).
 */
public final class NoFormatMapper implements FormatMapper {

    @Override
    public <T> T fromString(CharSequence charSequence, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        throw new UnsupportedOperationException("Gatehouse maps no JSON or XML columns");
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        throw new UnsupportedOperationException("Gatehouse maps no JSON or XML columns");
    }
}
