package org.liosmis.host.cmpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge library as a broker loads it: the stand-in broker of src/test/c opens the built
 * libLioSmisCmpi.so, makes its instance, method and association interfaces through the
 * generic factories and calls them; the bridge starts its JVM and answers from the demo as
 * "serve" would, bad input included. One stand-in process serves the class, as one provider
 * process serves a broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CmpiBridgeLibraryTest {

    private static final String SYSTEM = "{root/lio|LIO_StorageSystem|CreationClassName=string:LIO_StorageSystem"
            + "|Name=string:lio-demo}";
    private static final String SERVICE = "{root/lio|LIO_StorageConfigurationService"
            + "|CreationClassName=string:LIO_StorageConfigurationService|Name=string:StorageConfigurationService"
            + "|SystemCreationClassName=string:LIO_StorageSystem|SystemName=string:lio-demo}";
    private static final Pattern JOB = Pattern.compile("out Job=ref:(\\{root/lio\\|LIO_ConcreteJob\\|InstanceID=string:[^}]*})");

    @TempDir
    static Path dir;
    private StandInBroker broker;

    @BeforeAll
    void start() throws IOException {
        broker = StandInBroker.start(dir.resolve("standin.log"), Map.of(
                "LIO_SMIS_CLASSPATH", StandInBroker.testClassPath(),
                "LIO_SMIS_CONFIG", StandInBroker.demoConfig(dir).toString()));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            assertEquals(List.of("status 51 -", "status 51 -", "status 51 -"), broker.run("cleanup 0"),
                    "idle cleanup is refused: a JVM cannot be made twice in one process");
            assertEquals(List.of("status 0 -", "status 0 -", "status 0 -"), broker.run("cleanup 1"));
            assertEquals(0, broker.finish());
            try (Stream<Path> files = Files.list(Path.of("."))) {
                assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith("hs_err_pid")),
                        "a JVM crash file");
            }
        } finally {
            broker.close();
        }
    }

    private static String volume(String deviceId) {
        return "{root/lio|LIO_StorageVolume|CreationClassName=string:LIO_StorageVolume|DeviceID=string:" + deviceId
                + "|SystemCreationClassName=string:LIO_StorageSystem|SystemName=string:lio-demo}";
    }

    /** The status line's code and its message, decoded. */
    private record Status(int code, String message) {
        static Status of(List<String> answer) {
            String last = answer.getLast();
            assertTrue(last.startsWith("status "), answer.toString());
            String[] parts = last.split(" ", 3);
            return new Status(Integer.parseInt(parts[1]),
                    parts[2].equals("-") ? null : URLDecoder.decode(parts[2], StandardCharsets.UTF_8));
        }
    }

    private void refused(int code, String messageStart, String command) throws Exception {
        Status status = Status.of(broker.run(command));
        assertEquals(code, status.code(), command + ": " + status.message());
        assertTrue(status.message().startsWith(messageStart), status.message());
    }

    private List<String> succeeds(String command) throws Exception {
        List<String> answer = broker.run(command);
        assertEquals(new Status(0, null), Status.of(answer), command + " -> " + answer);
        return answer;
    }

    @Test
    void instancesAndTheirNamesComeThroughTheInstanceInterface() throws Exception {
        List<String> names = succeeds("ein {root/lio|LIO_StorageVolume}");
        assertEquals(List.of("path " + volume("fileio/demo1"), "path " + volume("fileio/demo2"),
                "path " + volume("fileio/demo3"), "done"), names.subList(0, 4));
        assertEquals(List.of("instance {root/lio|LIO_StorageSystem|ElementName=string:lio-demo|Name=string:lio-demo}",
                "done"), succeeds("gi " + SYSTEM + " ElementName,Name").subList(0, 2));
        assertEquals("instance {root/lio|LIO_StorageSystem}", succeeds("gi " + SYSTEM + " .").getFirst());
        List<String> pools = succeeds("ei {root/lio|LIO_StoragePool} -");
        assertEquals(1, pools.stream().filter(l -> l.startsWith("instance ")).count(), pools.toString());
        assertTrue(pools.getFirst().contains("|InstanceID=string:LIO:pool:default|"), pools.getFirst());
        assertTrue(pools.getFirst().contains("|TotalManagedSpace=uint64:"), pools.getFirst());
    }

    @Test
    void associationsComeThroughTheAssociationInterface() throws Exception {
        String pool = "{root/lio|LIO_StoragePool|InstanceID=string:LIO:pool:default}";
        assertEquals(List.of("path " + pool, "done"), succeeds("an " + SYSTEM + " LIO_HostedStoragePool - - -")
                .subList(0, 2));
        assertTrue(succeeds("ai " + SYSTEM + " LIO_HostedStoragePool LIO_StoragePool GroupComponent PartComponent"
                + " ElementName").getFirst().startsWith("instance {root/lio|LIO_StoragePool|"));
        String reference = "path {root/lio|LIO_HostedStoragePool|GroupComponent=ref:" + SYSTEM
                + "|PartComponent=ref:" + pool + "}";
        assertEquals(List.of(reference, "done"), succeeds("rn " + SYSTEM + " LIO_HostedStoragePool -").subList(0, 2));
        assertTrue(succeeds("ri " + pool + " LIO_HostedStoragePool PartComponent -").getFirst()
                .startsWith("instance {root/lio|LIO_HostedStoragePool|"));
    }

    @Test
    void aReplicaIsMadeFollowedModifiedAndReturnedThroughTheMethodInterface() throws Exception {
        List<String> created = succeeds("cm " + SERVICE + " CreateReplica ElementName=string:bridge%20snap"
                + " CopyType=uint16:4 SourceElement=ref:" + volume("fileio/demo1"));
        assertEquals(List.of("return uint32:4096", "done"), created.subList(0, 2));
        Matcher job = JOB.matcher(created.get(2));
        assertTrue(job.matches(), created.toString());
        String jobPath = job.group(1);
        waitForJob(jobPath);
        List<String> synced = succeeds("ein {root/lio|LIO_StorageSynchronized}").stream()
                .filter(l -> l.contains("|DeviceID=string:fileio/bridge_snap|")).toList();
        assertEquals(1, synced.size(), synced.toString());
        assertTrue(synced.getFirst().contains("|SyncedElement=ref:{root/lio|LIO_StorageVolume|"), synced.getFirst());
        // the job leads to the volume it made
        String replica = succeeds("an " + jobPath + " LIO_AffectedJobElement LIO_StorageVolume - -").getFirst()
                .substring("path ".length());
        assertTrue(replica.contains("|DeviceID=string:fileio/bridge_snap|"), replica);
        // a job whose DeleteOnCompletion is false stays until it is deleted
        succeeds("mi " + jobPath + " {root/lio|LIO_ConcreteJob|DeleteOnCompletion=boolean:false} DeleteOnCompletion");
        assertTrue(succeeds("gi " + jobPath + " DeleteOnCompletion").getFirst().endsWith("DeleteOnCompletion=boolean:false}"));
        succeeds("di " + jobPath);
        refused(6, "no instance", "gi " + jobPath + " -");
        assertEquals(List.of("return uint32:0", "done"), succeeds("cm " + SERVICE + " ReturnToStoragePool TheElement=ref:"
                + replica).subList(0, 2));
        assertFalse(succeeds("ein {root/lio|LIO_StorageVolume}").stream().anyMatch(l -> l.contains("bridge_snap")));
    }

    private void waitForJob(String jobPath) throws Exception {
        for (int i = 0; i < 600; i++) {
            String job = succeeds("gi " + jobPath + " JobState").getFirst();
            if (job.endsWith("JobState=uint16:7}")) {
                return;
            }
            assertFalse(job.matches(".*JobState=uint16:(8|9|10)}"), job);
            Thread.sleep(100);
        }
        throw new AssertionError("the job did not complete in 60 s");
    }

    @Test
    void badInputIsAnsweredWithItsCimStatusAndWhatIsWrong() throws Exception {
        for (String noPath : List.of("gi - -", "ei - -", "ein -", "ci - -", "mi - - -", "di -", "eq - q WQL",
                "cm - CreateReplica", "ai - - - - - -", "an - - - - -", "ri - - - -", "rn - - -")) {
            refused(4, "the broker passed no object path", noPath);
        }
        refused(5, "class \"LIO_Nothing\" does not exist in namespace root/lio", "gi {root/lio|LIO_Nothing|Id=string:x} -");
        refused(3, "namespace \"root/nowhere\" does not exist", "ein {root/nowhere|LIO_StorageVolume}");
        refused(6, "no instance", "gi " + volume("fileio/none") + " -");
        refused(7, "instances of LIO_StorageVolume are not created by CreateInstance", "ci {root/lio|LIO_StorageVolume}"
                + " {root/lio|LIO_StorageVolume|DeviceID=string:x}");
        refused(7, "instances of LIO_StorageSystem cannot be deleted", "di " + SYSTEM);
        refused(7, "lio-smis answers no queries", "eq {root/lio|LIO_StorageVolume} select%20%2A WQL");
        refused(17, "LIO_StorageConfigurationService has no method \"Nope\"", "cm " + SERVICE + " Nope");
        refused(4, "the broker passed no method name", "cm " + SERVICE + " -");
        // a value of a type no CIM property or parameter has, and one of the wrong CIM type
        refused(4, "argument ElementName has CMPI type 6400, which is no CIM property or parameter type lio-smis takes",
                "cm " + SERVICE + " CreateReplica ElementName=ptr:x");
        refused(4, "LIO_StorageConfigurationService.CreateReplica parameter CopyType: \"abc\" is not a valid uint16",
                "cm " + SERVICE + " CreateReplica CopyType=string:abc SourceElement=ref:" + volume("fileio/demo1"));
        refused(4, "key DeviceID has CMPI type 6400", "gi {root/lio|LIO_StorageVolume|DeviceID=ptr:x} -");
        assertEquals(List.of("return uint32:5", "done"), succeeds("cm " + SERVICE + " CreateReplica CopyType=uint16:4")
                .subList(0, 2), "no SourceElement: the method's own invalid-parameter return");
        assertTrue(broker.alive());
    }

    @Test
    void sixteenBrokerThreadsAtOnceAreEachAttachedAndAnswered() throws Exception {
        List<String> answers = broker.run("parallel 16 cm " + SERVICE + " CreateReplica CopyType=uint16:4"
                + " SourceElement=ref:" + volume("fileio/demo2"));
        List<String> jobs = answers.stream().map(JOB::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
        assertEquals(16, jobs.stream().distinct().count(), answers.toString());
        assertEquals(16, answers.stream().filter(l -> l.endsWith("] status 0 -")).count(), answers.toString());
        for (String job : jobs) {
            waitForJob(job);
        }
        List<String> reads = broker.run("parallel 16 gi " + SYSTEM + " Name");
        assertEquals(16, reads.stream().filter(l -> l.endsWith("instance {root/lio|LIO_StorageSystem|Name=string:lio-demo}"))
                .count(), reads.toString());
        for (String job : jobs) {
            String replica = succeeds("an " + job + " LIO_AffectedJobElement LIO_StorageVolume - -").stream()
                    .filter(l -> l.startsWith("path ")).findFirst().orElseThrow();
            succeeds("cm " + SERVICE + " ReturnToStoragePool TheElement=ref:" + replica.substring("path ".length()));
        }
        assertTrue(broker.alive());
    }

    @Test
    void withoutJavaOrWithAWrongSettingTheAnswerSaysWhatToSet(@TempDir Path elsewhere) throws Exception {
        Map<String, String> problems = new HashMap<>();
        problems.put("", "lio-smis does not know where its jar is: put lio-smis.jar beside libLioSmisCmpi.so, give"
                + " classpath= in the provider's parameters, or set LIO_SMIS_CLASSPATH in the broker's environment");
        problems.put("java_home=/nonexistent classpath=lio-smis.jar", "lio-smis cannot load Java from /nonexistent:"
                + " java_home must name a JDK or JRE directory holding lib/server/libjvm.so");
        problems.put("colour=blue", "the lio-smis provider parameters take classpath=, java_home= and config=, not"
                + " \"colour=blue\"");
        for (Map.Entry<String, String> problem : problems.entrySet()) {
            Map<String, String> environment = new HashMap<>();
            environment.put("STANDIN_PARAMETERS", problem.getKey().isEmpty() ? null : problem.getKey());
            try (StandInBroker unset = StandInBroker.start(elsewhere.resolve("standin.log"), environment)) {
                for (int attempt = 0; attempt < 2; attempt++) {
                    Status status = Status.of(unset.run("ein {root/lio|LIO_StorageVolume}"));
                    assertEquals(new Status(1, problem.getValue()), status, "parameters " + problem.getKey());
                }
                assertEquals(0, unset.finish());
            }
        }
    }

    @Test
    void theProviderParametersNameTheJarAndTheConfigurationAndAFailedStartIsTriedAgain(@TempDir Path elsewhere)
            throws Exception {
        Path config = elsewhere.resolve("provider.conf");
        Map<String, String> environment = new HashMap<>();
        environment.put("STANDIN_PARAMETERS", "classpath=" + StandInBroker.testClassPath() + " config=" + config);
        try (StandInBroker parameters = StandInBroker.start(elsewhere.resolve("standin.log"), environment)) {
            Status status = Status.of(parameters.run("ein {root/lio|LIO_StorageVolume}"));
            assertEquals(1, status.code());
            assertEquals("lio-smis cannot start: no lio-smis configuration at " + config + ": create it (at least"
                    + " \"state-dir = DIR\" and the pools), or point LIO_SMIS_CONFIG in the broker's environment at one",
                    status.message());
            StandInBroker.demoConfig(elsewhere);
            List<String> volumes = parameters.run("ein {root/lio|LIO_StorageVolume}");
            assertEquals(new Status(0, null), Status.of(volumes));
            assertEquals(3, volumes.stream().filter(l -> l.startsWith("path ")).count(), volumes.toString());
            assertEquals(0, parameters.finish());
        }
    }
}
