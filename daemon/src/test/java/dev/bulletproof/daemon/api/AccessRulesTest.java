package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Host and Origin decisions, which keep other web pages and rebinding DNS names away from the API. */
class AccessRulesTest {

    private final AccessRules rules = new AccessRules(null, "127.0.0.1");

    @ParameterizedTest
    @CsvSource(textBlock = """
            127.0.0.1:8000,         true
            localhost:8000,         true
            LOCALHOST:8000,         true
            [::1]:8000,             true
            localhost,              true
            127.0.0.1:8001,         false
            evil.example:8000,      false
            localhost.evil:8000,    false
            '',                     false
            [::1,                   false
            localhost:abc,          false
            """)
    void hostMustNameThisServer(String host, boolean allowed) {
        assertThat(rules.hostAllowed(host, null, 8000)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            ingest.local:8000,          true
            INGEST.LOCAL,               true
            ingest.local:8001,          false
            ingest.local.evil:8000,     false
            other.local:8000,           false
            """)
    void configuredLanNamesAreAnsweredOthersAreNot(String host, boolean allowed) {
        AccessRules lan = new AccessRules(null, "0.0.0.0", java.util.List.of("Ingest.Local "));

        assertThat(lan.hostAllowed(host, "192.168.1.20", 8000)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            localhost:1234,         true
            evil.example:1234,      false
            """)
    void anyPortIsAcceptedWhileTheBoundPortIsUnknown(String host, boolean allowed) {
        assertThat(rules.hostAllowed(host, null, 0)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            192.168.1.20:8000,          true
            10.0.0.7,                   true
            [fe80::1c2:3]:8000,         true
            999.1.1.1:8000,             false
            1.2.3:8000,                 false
            10.0.0.7.evil.example:8000, false
            192.168.1.20:8001,          false
            """)
    void anAddressLiteralIsAcceptedWhenTheLocalAddressIsUnknown(String host, boolean allowed) {
        assertThat(rules.hostAllowed(host, null, 8000)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            192.168.1.20:8000,  192.168.1.20,  true
            192.168.1.20:8000,  127.0.0.1,     false
            10.9.9.9:8000,      192.168.1.20,  false
            """)
    void anAddressLiteralMustBeTheLocalAddressWhenThatIsKnown(String host, String local, boolean allowed) {
        assertThat(rules.hostAllowed(host, local, 8000)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            http://127.0.0.1:8000,  127.0.0.1:8000,  true
            http://localhost:8000,  localhost:8000,  true
            http://localhost:8000,  127.0.0.1:8000,  false
            http://evil.example,    127.0.0.1:8000,  false
            http://127.0.0.1:9999,  127.0.0.1:8000,  false
            null,                   127.0.0.1:8000,  false
            file://,                127.0.0.1:8000,  false
            """)
    void browserOriginMustBeThisServersOwn(String origin, String host, boolean allowed) {
        assertThat(rules.originAllowed(origin, host)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            'a=1; bulletproof_token=secret; b=2',  secret
            'bulletproof_token=secret',            secret
            'other=1',                             ''
            """)
    void tokenCookieIsFoundAmongOthers(String header, String expected) {
        assertThat(AccessRules.cookieValue(header).orElse("")).isEqualTo(expected);
    }
}
