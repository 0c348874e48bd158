package corelab.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The setting is changed for a run and set back, on a stand-in file rather than the machine's own. */
class TcpMigrateReqTest {
    @Test
    void aWritableSettingIsSetForTheRunAndSetBackAtItsEnd(@TempDir Path dir) throws Exception {
        Path setting = Files.writeString(dir.resolve("tcp_migrate_req"), "1\n");
        List<String> said = new ArrayList<>();
        try (TcpMigrateReq run = TcpMigrateReq.apply(setting, 0, said::add)) {
            assertEquals("0", run.inEffect());
            assertEquals("0", Files.readString(setting).strip());
        }
        assertEquals("1", Files.readString(setting).strip(), "set back to the value found");
        assertTrue(said.get(0).contains("is 0 for this run (it was 1"), said.toString());
    }

    @Test
    void leftAloneItIsOnlyRead(@TempDir Path dir) throws Exception {
        Path setting = Files.writeString(dir.resolve("tcp_migrate_req"), "1\n");
        List<String> said = new ArrayList<>();
        try (TcpMigrateReq run = TcpMigrateReq.apply(setting, null, said::add)) {
            assertEquals("1", run.inEffect());
        }
        assertTrue(said.isEmpty(), said.toString());
    }

    @Test
    void anUnwritableSettingIsOneMessageAndTheRunKeepsTheValueFound() {
        // /proc/version: readable, and not writable even by root, which writes any ordinary file.
        Path setting = Path.of("/proc/version");
        assumeTrue(Files.isReadable(setting), "a Linux /proc");
        List<String> said = new ArrayList<>();
        try (TcpMigrateReq run = TcpMigrateReq.apply(setting, 0, said::add)) {
            assertTrue(run.inEffect().startsWith("Linux"), "the value found stays: " + run.inEffect());
        }
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).contains("cannot set net.ipv4.tcp_migrate_req to 0 (it needs root"), said.toString());
    }

    @Test
    void aKernelWithoutTheSettingIsOneMessage(@TempDir Path dir) {
        List<String> said = new ArrayList<>();
        try (TcpMigrateReq run = TcpMigrateReq.apply(dir.resolve("absent"), 1, said::add)) {
            assertNull(run.inEffect());
        }
        assertTrue(said.get(0).contains("has no net.ipv4.tcp_migrate_req"), said.toString());
    }
}
