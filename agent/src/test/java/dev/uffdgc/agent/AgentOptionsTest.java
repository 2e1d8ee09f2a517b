package dev.uffdgc.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentOptionsTest {
    @Test
    void parsesEveryOption() {
        AgentOptions o = AgentOptions.parse("mode=copy,workers=3,trigger=70,rate=50,batch=32,"
                + "single=move,access=native,log=gc.log,verify=true,dense=90");
        assertEquals(AgentOptions.Mode.COPY, o.mode);
        assertEquals(3, o.workers);
        assertEquals(70, o.triggerPercent);
        assertEquals(50, o.rateMillis);
        assertEquals(32, o.batchPages);
        assertEquals(0, o.copyRunPages);
        assertEquals(16, AgentOptions.parse("copyrun=16").copyRunPages);
        assertEquals(1, AgentOptions.parse("stallrun=1").stallRunPages);
        assertEquals(AgentOptions.Access.NATIVE, o.access);
        assertEquals("gc.log", o.log);
        assertTrue(o.verify);
        assertEquals(90, o.densePercent);
        assertTrue(AgentOptions.parse("pace=true").pace);
    }

    @Test
    void emptyMeansDefaults() {
        AgentOptions o = AgentOptions.parse("");
        assertEquals(AgentOptions.Mode.MOVE, o.mode);
        assertEquals(1, o.workers);
        assertEquals(15, o.copyRunPages);
        assertEquals(32, o.stallRunPages);
        assertFalse(o.pace);
        assertEquals(1, AgentOptions.parse("single=copy").copyRunPages);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mode=fast", "workers=-1", "workers=x", "colour=blue", "trigger=0", "verify=maybe",
        "mode", "batch=1000", "mode=move,mode=copy", "rate=12q", "single=both", "copyrun=513",
        "stallrun=0", "stallrun=513", "pace=sometimes"})
    void badOptionsAreRejectedWithTheirName(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse(text));
        String key = text.contains("=") ? text.substring(0, text.indexOf('=')) : text;
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void usageListsEveryOption() {
        for (String key : new String[] {"mode=", "workers=", "trigger=", "rate=", "batch=", "single=", "copyrun=", "stallrun=", "access=", "log=",
            "verify=", "dense=", "pace="}) {
            assertTrue(AgentOptions.USAGE.contains(key), key);
        }
    }
}
