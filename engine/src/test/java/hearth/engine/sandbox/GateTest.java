package hearth.engine.sandbox;

import hearth.engine.limit.Deadline;
import hearth.engine.limit.ExecutionTimeoutSignal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.security.Provider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gate on its own, with objects app code could never build: what decides is the receiver's
 * concrete class and the exact member, never an interface the receiver happens to implement.
 */
class GateTest {
    @BeforeEach
    void inACall() {
        Deadline.start(30_000_000_000L, Long.MAX_VALUE);
    }

    @AfterEach
    void callEnds() {
        Deadline.clear();
    }

    @Test
    void aJvmWideMapIsNotAValueThoughItImplementsMap() throws Throwable {
        Provider provider = MessageDigest.getInstance("SHA-256").getProvider();
        int entries = provider.size();
        assertThat(provider).isInstanceOf(Map.class);
        assertThat(Whitelist.admits(provider.getClass())).isFalse();
        assertThatThrownBy(() -> Gate.call(provider, "clear", false, false, List.of()))
                .isInstanceOf(SandboxViolationException.class).hasMessageContaining(provider.getClass().getName());
        assertThatThrownBy(() -> Gate.putAt(provider, "Hearth.Marker", "x")).isInstanceOf(SandboxViolationException.class);
        assertThatThrownBy(() -> Gate.setProperty(provider, "Hearth.Marker", "x", false, false))
                .isInstanceOf(SandboxViolationException.class);
        assertThatThrownBy(() -> Gate.getProperty(provider, "Hearth.Marker", false, false))
                .isInstanceOf(SandboxViolationException.class);
        assertThatThrownBy(() -> Gate.operator(provider, "leftShift", Map.of("a", "b")))
                .isInstanceOf(SandboxViolationException.class);
        // handed back by an allowed call, it is refused there, before app code holds it
        List<Object> holder = new ArrayList<>(List.of(provider));
        assertThatThrownBy(() -> Gate.getAt(holder, 0)).isInstanceOf(SandboxViolationException.class)
                .hasMessageContaining("holding a");
        assertThat(provider.size()).isEqualTo(entries);
        assertThat(provider.get("Hearth.Marker")).isNull();
        // the same methods on a map app code may hold are fine
        Map<String, Object> map = new LinkedHashMap<>(Map.of("a", 1));
        Gate.call(map, "clear", false, false, List.of());
        assertThat(map).isEmpty();
    }

    @Test
    void theMemberDecidesNotTheName() throws Throwable {
        // Object#notify is forbidden; String#equals is fine; an absent member is Groovy's own exception
        assertThatThrownBy(() -> Gate.call("x", "notify", false, false, List.of()))
                .isInstanceOf(SandboxViolationException.class).hasMessageContaining("java.lang.String.notify()");
        assertThat(Gate.call("x", "equals", false, false, List.of("x"))).isEqualTo(true);
        assertThatThrownBy(() -> Gate.call(5, "foo", false, false, List.of()))
                .isInstanceOf(groovy.lang.MissingMethodException.class)
                .hasMessageContaining("No signature of method: foo for class: java.lang.Integer");
        assertThatThrownBy(() -> Gate.getProperty(true, "by", false, false))
                .isInstanceOf(groovy.lang.MissingPropertyException.class)
                .hasMessage("No such property: by for class: java.lang.Boolean");
    }

    @Test
    void aDynamicNameIsConvertedOnceAndThatStringIsDispatched() throws Throwable {
        int[] conversions = {0};
        groovy.lang.Closure<String> name = new groovy.lang.Closure<>(null) {
            @Override
            public String call() {
                conversions[0]++;
                return conversions[0] == 1 ? "bytes" : "class";
            }
        };
        // "${-> ...}": 'bytes' the first time it is made text, 'class' after
        Object lazy = new org.codehaus.groovy.runtime.GStringImpl(new Object[] {name}, new String[] {"", ""});
        Object bytes = Gate.getAt("x", lazy);
        assertThat(bytes).isInstanceOf(byte[].class);
        assertThat(conversions[0]).isEqualTo(1);
        conversions[0] = 0;
        assertThat(Gate.getProperty("x", lazy, false, false)).isInstanceOf(byte[].class);
        assertThat(conversions[0]).isEqualTo(1);
        Map<Object, Object> map = new LinkedHashMap<>();
        conversions[0] = 0;
        Gate.putAt(map, lazy, 1);
        assertThat(map.keySet()).containsExactly("bytes");
    }

    @Test
    void appCodeRunsOnlyInsideACall() {
        Deadline.clear();
        assertThatThrownBy(Limits::tick).isInstanceOf(ExecutionTimeoutSignal.class)
                .hasMessageContaining("outside a call");
    }

    @Test
    void costlyArgumentsAreRefusedBeforeTheJdkRuns() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Gate.operator(new java.math.BigInteger("3"), "power", 100_000_000))
                .isInstanceOf(SandboxViolationException.class);
        assertThatThrownBy(() -> Gate.call(new java.math.BigInteger("3"), "pow", false, false, List.of(100_000_000)))
                .isInstanceOf(SandboxViolationException.class);
        assertThatThrownBy(() -> Gate.call(java.util.Arrays.class, "copyOf", false, false,
                List.of(new int[1], 2_000_000_000))).isInstanceOf(SandboxViolationException.class);
        assertThatThrownBy(() -> Gate.call(String.class, "format", false, false, List.of("%1000000000d", 1)))
                .isInstanceOf(SandboxViolationException.class);
        assertThat((System.nanoTime() - start) / 1_000_000).as("refused, not computed").isLessThan(5_000);
    }
}
