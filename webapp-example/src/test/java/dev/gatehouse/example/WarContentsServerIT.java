package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The packaged WAR (run after packaging, with the server suites): the passkey verifier and its Jackson, and the
 * OpenID Connect SDK with nimbus-jose-jwt and json-smart, travel only inside the Gatehouse jar, relocated, so no
 * application server's copy can be loaded in their place. Payara Micro 6 and WildFly 39 both put an older
 * jackson-annotations in front of a WAR's own copy, and Payara Micro bundles nimbus-jose-jwt and json-smart.
 */
class WarContentsServerIT {

    private static final List<String> FOREIGN = List.of("tools/jackson/", "com/webauthn4j/", "com/fasterxml/jackson/",
            "com/nimbusds/", "net/minidev/", "org/objectweb/asm/");

    @Test
    void theWarCarriesNoJacksonOrWebauthn4jJarOfItsOwn() throws Exception {
        try (ZipFile war = new ZipFile(ServerProcess.war().toFile())) {
            List<String> libs = war.stream().map(ZipEntry::getName).filter(n -> n.startsWith("WEB-INF/lib/")).toList();
            assertTrue(libs.stream().anyMatch(n -> n.matches("WEB-INF/lib/gatehouse-[^/]*\\.jar")), libs.toString());
            List<String> unwanted = libs.stream().filter(n -> n.contains("jackson") || n.contains("webauthn4j")
                    || n.contains("nimbus") || n.contains("json-smart") || n.contains("accessors-smart")).toList();
            assertEquals(List.of(), unwanted);
        }
    }

    @Test
    void theGatehouseJarHoldsThemOnlyUnderItsShadedPackage() throws Exception {
        List<String> outside = new ArrayList<>();
        int shaded = 0;
        try (ZipFile war = new ZipFile(ServerProcess.war().toFile())) {
            ZipEntry jar = war.stream().filter(e -> e.getName().matches("WEB-INF/lib/gatehouse-[^/]*\\.jar"))
                    .findFirst().orElseThrow();
            try (InputStream in = war.getInputStream(jar); ZipInputStream entries = new ZipInputStream(in)) {
                for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                    String name = e.getName();
                    if (FOREIGN.stream().anyMatch(name::contains)) {
                        outside.add(name);
                    }
                    if (name.startsWith("dev/gatehouse/internal/shaded/webauthn4j/") && name.endsWith(".class")) {
                        shaded++;
                    }
                }
            }
        }
        assertEquals(List.of(), outside, "classes or resources left in their original packages");
        assertTrue(shaded > 100, "webauthn4j relocated into the jar: " + shaded + " classes");
    }
}
