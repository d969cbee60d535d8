package dev.gatehouse.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.FilterMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {

    @Test
    void anUnknownGatehouseVariableIsWarnedAboutByNameNeverByValue() {
        List<String> warnings = new ArrayList<>();
        Map<String, Object> props = Map.of();
        Map<Setting<?>, Object> values = SettingsReader.read(Map.of("GATEHOUSE_COOKEI_SECURE", "s3cret-value",
                "GATEHOUSE_JDBC_USER", "app", "PATH", "/usr/bin", "gatehouse_lower", "x"), props, warnings::add);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("GATEHOUSE_COOKEI_SECURE"), warnings.get(0));
        assertFalse(warnings.get(0).contains("s3cret-value"), warnings.get(0));
        assertEquals("app", values.get(SettingsCatalog.JDBC_USER)); // start-up goes on, the rest is read
    }

    @Test
    void knownVariablesAloneGiveNoWarning() {
        List<String> warnings = new ArrayList<>();
        Map<String, String> env = new java.util.HashMap<>();
        SettingsCatalog.ALL.stream().filter(s -> s != SettingsCatalog.OIDC_PROVIDERS)
                .forEach(s -> env.put(s.envName(), SettingsCatalogTest.OTHER.get(s.name())));
        env.put("GATEHOUSE_OIDC_MY_CORP_ISSUER", "https://login.example.test"); // a provider's own variables
        env.put("GATEHOUSE_OIDC_MY_CORP_CLIENT_ID", "app");
        env.put("GATEHOUSE_OIDC_MY_CORP_SIGN_UP", "yes");
        Map<Setting<?>, Object> values = SettingsReader.read(env, Map.of(), warnings::add);
        assertEquals(List.of(), warnings);
        assertEquals(List.of(new dev.gatehouse.config.OidcProviderSettings("my-corp", "https://login.example.test", "app",
                null, null, true, null)), values.get(SettingsCatalog.OIDC_PROVIDERS));
    }

    @Test
    void aProviderSettingNamingNoFieldIsAnUnknownProperty() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SettingsReader.read(Map.of(),
                Map.of("gatehouse.oidc.corp.issuer", "https://login.example.test", "gatehouse.oidc.corp.clientid", "x"),
                w -> { }));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SettingsReader.read(Map.of("GATEHOUSE_OIDC_CORP_CLIENT_ID", "app"), Map.of(), w -> { }));
        assertTrue(e.getMessage().contains("gatehouse.oidc.corp.issuer is required"), e.getMessage());
    }

    @Test
    void theWarningGoesToTheLogAtWarningLevel() {
        Logger jul = Logger.getLogger(SettingsReader.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(capture);
        try {
            AuthSettings.fromSources(Map.of("GATEHOUSE_STRICT", "false", "GATEHOUSE_SMTP_PASWORD", "hunter2"), Map.of());
        } finally {
            jul.removeHandler(capture);
        }
        assertEquals(1, records.size());
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertTrue(records.get(0).getMessage().contains("GATEHOUSE_SMTP_PASWORD"), records.get(0).getMessage());
        assertFalse(records.get(0).getMessage().contains("hunter2"));
    }

    @Test
    void anUnknownGatehousePropertyStaysAnError() {
        List<String> warnings = new ArrayList<>();
        String m = assertThrows(IllegalArgumentException.class, () -> SettingsReader.read(Map.of(),
                Map.of("gatehouse.filterMod", "filter"), warnings::add)).getMessage();
        assertTrue(m.contains("gatehouse.filterMod") && m.contains("gatehouse.filterMode"), m);
    }

    @Test
    void theServletFilterSettingsAreReadLikeAnyOther() {
        AuthSettings s = AuthSettings.fromSources(Map.of("GATEHOUSE_FILTER_MODE", "Filter",
                "GATEHOUSE_FILTER_RULES", " /admin/*=admin; /account/*=* ", "GATEHOUSE_FILTER_AUTO_REGISTER", "false"), Map.of());
        assertEquals(FilterMode.FILTER, s.http().filterMode());
        assertEquals("/admin/*=admin; /account/*=*", s.http().filterRules());
        assertFalse(s.http().filterAutoRegister());
        AuthSettings d = AuthSettings.defaults();
        assertEquals(FilterMode.CONTAINER, d.http().filterMode());
        assertEquals("", d.http().filterRules());
        assertTrue(d.http().filterAutoRegister());
        String m = assertThrows(IllegalArgumentException.class,
                () -> AuthSettings.fromSources(Map.of("GATEHOUSE_FILTER_MODE", "wrap"), Map.of())).getMessage();
        assertEquals("filterMode must be 'container' or 'filter' (got 'wrap')", m);
    }

    @Test
    void oneSettingCanBeReadAloneBeforeTheOthersExist() {
        assertTrue(SettingsReader.readOne(SettingsCatalog.FILTER_AUTO_REGISTER, Map.of(), Map.of()));
        assertFalse(SettingsReader.readOne(SettingsCatalog.FILTER_AUTO_REGISTER,
                Map.of("GATEHOUSE_FILTER_AUTO_REGISTER", "off"), Map.of()));
        assertTrue(SettingsReader.readOne(SettingsCatalog.FILTER_AUTO_REGISTER,
                Map.of("GATEHOUSE_FILTER_AUTO_REGISTER", "off"), Map.of("gatehouse.filterAutoRegister", "true")));
    }
}
