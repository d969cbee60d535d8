package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering rules, read from the compiled classes: the public API never exposes an internal
 * type, and the core (everything but the web adapters, the CDI glue and the command line) never
 * touches the servlet API, Jetty or Jakarta Security.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.gatehouse";
    /** Packages allowed to touch servlet, Jetty and Jakarta Security: the adapters. */
    private static final List<String> ADAPTERS = List.of("dev.gatehouse.web", "dev.gatehouse.internal.web",
            "dev.gatehouse.internal.cdi", "dev.gatehouse.cli");
    private static final List<String> CONTAINER_APIS = List.of("jakarta/servlet/", "org/eclipse/jetty/",
            "jakarta/security/enterprise/", "jakarta/security/auth/message/");

    @Test
    void noPublicApiSignatureMentionsAnInternalType() throws Exception {
        TreeMap<String, Set<String>> leaks = new TreeMap<>();
        for (String name : classNames()) {
            if (isInternal(name) || name.startsWith(ROOT + ".cli")) {
                continue;
            }
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            Set<String> found = new TreeSet<>();
            collect(type.getGenericSuperclass(), found, "extends ");
            for (Type t : type.getGenericInterfaces()) {
                collect(t, found, "implements ");
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (exposed(c.getModifiers(), type)) {
                    signature(c, found);
                }
            }
            for (Method m : type.getDeclaredMethods()) {
                if (exposed(m.getModifiers(), type) && !m.isSynthetic()) {
                    signature(m, found);
                    collect(m.getGenericReturnType(), found, m.getName() + " returns ");
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (exposed(f.getModifiers(), type) && !f.isSynthetic()) {
                    collect(f.getGenericType(), found, "field " + f.getName() + ": ");
                }
            }
            if (!found.isEmpty()) {
                leaks.put(name, found);
            }
        }
        assertEquals(new TreeMap<>(), leaks, "public API types whose public signatures use dev.gatehouse.internal");
    }

    @Test
    void theCoreDependsOnNoServletJettyOrJakartaSecurityType() throws Exception {
        TreeMap<String, Set<String>> offenders = new TreeMap<>();
        for (String name : classNames()) {
            if (ADAPTERS.stream().anyMatch(p -> name.startsWith(p + "."))) {
                continue;
            }
            Set<String> bad = new TreeSet<>();
            for (String ref : referencedTypes(name)) {
                if (CONTAINER_APIS.stream().anyMatch(ref::startsWith)) {
                    bad.add(ref.replace('/', '.'));
                }
            }
            if (!bad.isEmpty()) {
                offenders.put(name, bad);
            }
        }
        assertEquals(new TreeMap<>(), offenders, "core classes that depend on a container API");
    }

    @Test
    void onlyTheJettyAdapterDependsOnJetty() throws Exception {
        TreeMap<String, Set<String>> offenders = new TreeMap<>();
        for (String name : classNames()) {
            if (name.startsWith(ROOT + ".web.jetty.")) {
                continue;
            }
            Set<String> bad = new TreeSet<>();
            for (String ref : referencedTypes(name)) {
                if (ref.startsWith("org/eclipse/jetty/")) {
                    bad.add(ref.replace('/', '.'));
                }
            }
            if (!bad.isEmpty()) {
                offenders.put(name, bad);
            }
        }
        assertEquals(new TreeMap<>(), offenders, "classes outside dev.gatehouse.web.jetty that depend on Jetty");
    }

    /**
     * Micrometer is optional: one class (loaded only when Micrometer is present) may name its types,
     * so every other class loads without it.
     */
    @Test
    void onlyMicrometerMetricsDependsOnMicrometer() throws Exception {
        String allowed = ROOT + ".internal.metrics.MicrometerMetrics";
        TreeMap<String, Set<String>> offenders = offenders(name -> name.equals(allowed) || name.startsWith(allowed + "$"),
                ref -> ref.startsWith("io/micrometer/"));
        assertEquals(new TreeMap<>(), offenders, "classes other than " + allowed + " that depend on Micrometer");
        assertTrue(referencedTypes(allowed).stream().anyMatch(r -> r.startsWith("io/micrometer/")),
                "the constant-pool reader finds Micrometer references");
    }

    /**
     * Jakarta REST and the EJB API are the runtime's: only the JAX-RS adapter names them, apart from
     * the {@code @ApplicationException} annotation on Gatehouse's exceptions (ignored without EJB).
     */
    @Test
    void onlyTheJaxRsAdapterDependsOnJakartaRestOrEjb() throws Exception {
        TreeMap<String, Set<String>> offenders = offenders(
                name -> name.startsWith(ROOT + ".web.jaxrs.") || name.startsWith(ROOT + ".internal.web.jaxrs."),
                ref -> ref.startsWith("jakarta/ws/rs/")
                        || ref.startsWith("jakarta/ejb/") && !ref.equals("jakarta/ejb/ApplicationException"));
        assertEquals(new TreeMap<>(), offenders, "classes outside the JAX-RS adapter that depend on Jakarta REST or EJB");
        assertTrue(referencedTypes("dev.gatehouse.web.jaxrs.GatehouseFeature").stream()
                .anyMatch(r -> r.startsWith("jakarta/ws/rs/")), "the constant-pool reader finds Jakarta REST references");
    }

    /** Classes not {@code exempt} that reference a type {@code forbidden} matches, with those types. */
    private TreeMap<String, Set<String>> offenders(java.util.function.Predicate<String> exempt,
                                                   java.util.function.Predicate<String> forbidden) throws Exception {
        TreeMap<String, Set<String>> offenders = new TreeMap<>();
        for (String name : classNames()) {
            if (exempt.test(name)) {
                continue;
            }
            Set<String> bad = new TreeSet<>();
            for (String ref : referencedTypes(name)) {
                if (forbidden.test(ref)) {
                    bad.add(ref.replace('/', '.'));
                }
            }
            if (!bad.isEmpty()) {
                offenders.put(name, bad);
            }
        }
        return offenders;
    }

    /** The scan itself must see the classes, or every rule above would pass vacuously. */
    @Test
    void theScanSeesTheWholeLibrary() throws Exception {
        List<String> names = classNames();
        assertTrue(names.contains("dev.gatehouse.Gatehouse"), names.toString());
        assertTrue(names.contains("dev.gatehouse.web.jetty.GatehouseJettyAuthenticator"));
        assertTrue(referencedTypes("dev.gatehouse.web.jetty.GatehouseJettyAuthenticator").stream()
                .anyMatch(r -> r.startsWith("org/eclipse/jetty/")), "the constant-pool reader finds Jetty references");
        assertTrue(names.size() > 100, "only " + names.size() + " classes found");
    }

    private static boolean isInternal(String name) {
        return name.startsWith(ROOT + ".internal.");
    }

    private static boolean exposed(int modifiers, Class<?> owner) {
        return Modifier.isPublic(modifiers) || (Modifier.isProtected(modifiers) && !Modifier.isFinal(owner.getModifiers()));
    }

    private static void signature(Executable e, Set<String> found) {
        for (Type t : e.getGenericParameterTypes()) {
            collect(t, found, e.getName() + " takes ");
        }
        for (Type t : e.getGenericExceptionTypes()) {
            collect(t, found, e.getName() + " throws ");
        }
    }

    private static void collect(Type type, Set<String> found, String where) {
        if (type instanceof Class<?> c) {
            Class<?> base = c;
            while (base.isArray()) {
                base = base.getComponentType();
            }
            if (isInternal(base.getName())) {
                found.add(where + base.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), found, where);
            for (Type a : p.getActualTypeArguments()) {
                collect(a, found, where);
            }
        } else if (type instanceof GenericArrayType g) {
            collect(g.getGenericComponentType(), found, where);
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                collect(b, found, where);
            }
            for (Type b : w.getLowerBounds()) {
                collect(b, found, where);
            }
        } else if (type instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                collect(b, found, where);
            }
        }
    }

    /** Every class of the library's main output, by binary name. */
    private static List<String> classNames() throws IOException, URISyntaxException {
        Path root = classesRoot();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().equals("package-info.class")
                            && !p.getFileName().toString().equals("module-info.class"))
                    .forEach(p -> {
                        String rel = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), ".");
                        names.add(rel.substring(0, rel.length() - ".class".length()));
                    });
        }
        names.sort(null);
        return names;
    }

    private static Path classesRoot() throws URISyntaxException {
        Path gatehouse = Path.of(Gatehouse.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(gatehouse), "expected compiled classes in a directory, got " + gatehouse);
        return gatehouse;
    }

    private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([\\w/$]+)[;<]");

    /**
     * The internal names of every type a class file refers to: its constant pool's class entries and
     * the types inside its descriptors and generic signatures.
     */
    private static Set<String> referencedTypes(String className) throws IOException, URISyntaxException {
        Path file = classesRoot().resolve(className.replace('.', '/') + ".class");
        Set<String> refs = new TreeSet<>();
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file: " + file);
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> classIndexes = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classIndexes.add(in.readUnsignedShort());
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " in " + file);
                }
            }
            for (int index : classIndexes) {
                String n = utf8[index];
                refs.add(n.startsWith("[") ? n.replaceAll("^\\[+L?|;$", "") : n);
            }
            for (String s : utf8) {
                if (s != null) {
                    Matcher m = DESCRIPTOR_TYPE.matcher(s);
                    while (m.find()) {
                        refs.add(m.group(1));
                    }
                }
            }
        }
        return refs;
    }
}
