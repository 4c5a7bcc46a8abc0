package dev.vigil.formats;

import static dev.vigil.formats.Inputs.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.EventClass;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden tests: a source snippet in, the canonical fields out. */
class NormalizationTest {

    @TempDir
    Path dir;

    private static final String SYSMON_1_XML = """
            <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System>\
            <Provider Name="Microsoft-Windows-Sysmon" Guid="{5770385f-c22a-43e0-bf4c-06f5698ffbd9}"/>\
            <EventID>1</EventID><TimeCreated SystemTime="2022-09-22T23:57:00.1234567Z"/>\
            <EventRecordID>42</EventRecordID><Channel>Microsoft-Windows-Sysmon/Operational</Channel>\
            <Computer>ws1.corp</Computer><Security UserID="S-1-5-18"/></System><EventData>\
            <Data Name="UtcTime">2022-09-22 23:57:00.123</Data>\
            <Data Name="ProcessGuid">{564ff025-f72e-632c-c407-000000000500}</Data>\
            <Data Name="ProcessId">1234</Data><Data Name="Image">C:\\Windows\\System32\\net.exe</Data>\
            <Data Name="CommandLine">net use \\\\srv\\c$ /delete</Data><Data Name="User">CORP\\alice</Data>\
            <Data Name="Hashes">SHA1=AA11,MD5=BB22,SHA256=CC33,IMPHASH=DD44</Data>\
            <Data Name="ParentImage">C:\\Windows\\System32\\cmd.exe</Data></EventData></Event>
            """;

    @Test
    void sysmonProcessCreationFromXmlGetsClassTimeHostAndDerivedFields() {
        CanonicalEvent e = Inputs.text(dir, "s.xml", SYSMON_1_XML).only();
        assertThat(e.eventClass()).isEqualTo(new EventClass("windows", "process_creation", "sysmon"));
        assertThat(e.timeMillis()).isEqualTo(1663891020123L);
        assertThat(e.host()).isEqualTo("ws1.corp");
        assertThat(e.origin().record()).isEqualTo(42);
        assertThat(e.origin().line()).isEqualTo(1);
        assertThat(field(e, "EventID")).isEqualTo("1");
        assertThat(field(e, "Provider_Name")).isEqualTo("Microsoft-Windows-Sysmon");
        assertThat(field(e, "Security_UserID")).isEqualTo("S-1-5-18");
        assertThat(field(e, "ImageName")).isEqualTo("net.exe");
        assertThat(field(e, "ParentImageName")).isEqualTo("cmd.exe");
        assertThat(field(e, "ProcessGuid")).isEqualTo("564FF025-F72E-632C-C407-000000000500");
        assertThat(field(e, "md5")).isEqualTo("BB22");
        assertThat(field(e, "sha1")).isEqualTo("AA11");
        assertThat(field(e, "sha256")).isEqualTo("CC33");
        assertThat(field(e, "imphash")).isEqualTo("DD44");
        assertThat(field(e, "UserDomain")).isEqualTo("CORP");
        assertThat(field(e, "UserName")).isEqualTo("alice");
        assertThat(field(e, "CommandLine")).isEqualTo("net use \\\\srv\\c$ /delete");
    }

    @Test
    void security4688IsMappedOntoSysmonProcessCreationNames() {
        String xml = """
                <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System>\
                <Provider Name="Microsoft-Windows-Security-Auditing"/><EventID>4688</EventID>\
                <TimeCreated SystemTime="2023-02-06 22:07:30.404066"/><Channel>Security</Channel>\
                <Computer>dc1</Computer></System><EventData>\
                <Data Name="SubjectUserName">bob</Data><Data Name="SubjectDomainName">CORP</Data>\
                <Data Name="NewProcessId">0x25a4</Data><Data Name="NewProcessName">C:\\Windows\\System32\\net.exe</Data>\
                <Data Name="ProcessId">0x1f0</Data><Data Name="CommandLine">net share x /delete</Data>\
                <Data Name="ParentProcessName">C:\\Windows\\System32\\cmd.exe</Data>\
                <Data Name="MandatoryLabel">S-1-16-12288</Data></EventData></Event>
                """;
        CanonicalEvent e = Inputs.text(dir, "sec.xml", xml).only();
        assertThat(e.eventClass()).isEqualTo(new EventClass("windows", "process_creation", "security"));
        assertThat(field(e, "Image")).isEqualTo("C:\\Windows\\System32\\net.exe");
        assertThat(field(e, "ImageName")).isEqualTo("net.exe");
        assertThat(field(e, "ParentImage")).isEqualTo("C:\\Windows\\System32\\cmd.exe");
        assertThat(field(e, "ParentImageName")).isEqualTo("cmd.exe");
        assertThat(field(e, "User")).isEqualTo("CORP\\bob");
        assertThat(field(e, "UserName")).isEqualTo("bob");
        assertThat(field(e, "ProcessId")).isEqualTo("9636");
        assertThat(field(e, "ParentProcessId")).isEqualTo("496");
        assertThat(field(e, "IntegrityLevel")).isEqualTo("High");
        assertThat(field(e, "NewProcessName")).isEqualTo("C:\\Windows\\System32\\net.exe");
        assertThat(e.timeMillis()).isEqualTo(1675721250404L);
        assertThat(e.origin().record()).isEqualTo(1);
    }

    @Test
    void evtxDumpJsonUsesSystemAttributesAndTheEventRecordId() {
        String json = """
                {
                  "Event": {
                    "#attributes": {"xmlns": "http://schemas.microsoft.com/win/2004/08/events/event"},
                    "System": {
                      "Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon", "Guid": "5770385F-C22A-43E0-BF4C-06F5698FFBD9"}},
                      "EventID": {"#attributes": {"Qualifiers": 0}, "#text": 1},
                      "TimeCreated": {"#attributes": {"SystemTime": "2025-11-27T07:40:10.165324Z"}},
                      "EventRecordID": 571146,
                      "Execution": {"#attributes": {"ProcessID": 3544, "ThreadID": 4272}},
                      "Channel": "Microsoft-Windows-Sysmon/Operational",
                      "Computer": "host1",
                      "Security": {"#attributes": {"UserID": "S-1-5-18"}}
                    },
                    "EventData": {"ProcessId": 4460, "Image": "C:\\\\Windows\\\\System32\\\\whoami.exe"}
                  }
                }
                """;
        CanonicalEvent e = Inputs.text(dir, "r.json", json).only();
        assertThat(e.origin().record()).isEqualTo(571146);
        assertThat(e.eventClass()).isEqualTo(new EventClass("windows", "process_creation", "sysmon"));
        assertThat(field(e, "EventID")).isEqualTo("1");
        assertThat(field(e, "Provider_Name")).isEqualTo("Microsoft-Windows-Sysmon");
        assertThat(field(e, "Execution_ProcessID")).isEqualTo("3544");
        assertThat(field(e, "Security_UserID")).isEqualTo("S-1-5-18");
        assertThat(field(e, "ProcessId")).isEqualTo("4460");
        assertThat(field(e, "ImageName")).isEqualTo("whoami.exe");
        assertThat(e.timeMillis()).isEqualTo(1764229210165L);
        assertThat(e.host()).isEqualTo("host1");
    }

    @Test
    void evtxDumpUserDataBecomesLeafNames() {
        String json = "{\"Event\":{\"System\":{\"EventID\":5858,\"Channel\":\"Microsoft-Windows-WMI-Activity/Operational\"},"
                + "\"UserData\":{\"Operation_ClientFailure\":{\"#attributes\":{\"xmlns\":\"x\"},\"User\":\"a\\\\b\",\"ResultCode\":\"0x80041003\"}}}}";
        CanonicalEvent e = Inputs.text(dir, "u.json", json).only();
        assertThat(e.eventClass().service()).isEqualTo("wmi");
        assertThat(field(e, "ResultCode")).isEqualTo("0x80041003");
        assertThat(field(e, "UserName")).isEqualTo("b");
        assertThat(field(e, "xmlns")).isNull();
    }

    @Test
    void winlogbeatEcsFieldsMapToSysmonNames() {
        String json = "{\"@timestamp\":\"2024-02-13T06:56:24.223Z\",\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\","
                + "\"record_id\":633889,\"provider_name\":\"Microsoft-Windows-Sysmon\",\"computer_name\":\"s.domain.local\","
                + "\"event_id\":\"1\",\"event_data\":{\"IntegrityLevel\":\"High\"}},"
                + "\"process\":{\"executable\":\"C:\\\\x\\\\a.exe\",\"command_line\":\"a.exe /q\",\"pid\":7,"
                + "\"entity_id\":\"{3400037d-7178-65c6-1d00-000000000b00}\",\"pe\":{\"original_file_name\":\"A.EXE\"},"
                + "\"parent\":{\"executable\":\"C:\\\\x\\\\p.exe\"},\"hash\":{\"md5\":\"abcd\"}},"
                + "\"user\":{\"domain\":\"CORP\",\"name\":\"eve\"}}";
        CanonicalEvent e = Inputs.text(dir, "ecs.jsonl", json + "\n").only();
        assertThat(e.eventClass()).isEqualTo(new EventClass("windows", "process_creation", "sysmon"));
        assertThat(field(e, "Image")).isEqualTo("C:\\x\\a.exe");
        assertThat(field(e, "CommandLine")).isEqualTo("a.exe /q");
        assertThat(field(e, "ParentImage")).isEqualTo("C:\\x\\p.exe");
        assertThat(field(e, "OriginalFileName")).isEqualTo("A.EXE");
        assertThat(field(e, "ProcessId")).isEqualTo("7");
        assertThat(field(e, "ProcessGuid")).isEqualTo("3400037D-7178-65C6-1D00-000000000B00");
        assertThat(field(e, "User")).isEqualTo("CORP\\eve");
        assertThat(field(e, "Computer")).isEqualTo("s.domain.local");
        assertThat(field(e, "EventRecordID")).isEqualTo("633889");
        assertThat(field(e, "IntegrityLevel")).isEqualTo("High");
        assertThat(field(e, "md5")).isEqualTo("ABCD");
        assertThat(field(e, "process.executable")).isEqualTo("C:\\x\\a.exe");
        assertThat(e.origin().record()).isEqualTo(633889);
        assertThat(e.origin().line()).isEqualTo(1);
        assertThat(e.timeMillis()).isEqualTo(1707807384223L);
    }

    @Test
    void nxlogShapeMapsSystemNamesAndKeepsEventDataAtTopLevel() {
        String json = "{\"EventTime\":\"2020-08-01 05:46:46\",\"Hostname\":\"dc.local\",\"EventID\":1,"
                + "\"SourceName\":\"Microsoft-Windows-Sysmon\",\"RecordNumber\":951,\"ProcessID\":2740,"
                + "\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"UtcTime\":\"2020-08-01 05:46:30.063\","
                + "\"ProcessId\":\"1144\",\"Image\":\"C:\\\\Windows\\\\system32\\\\net.exe\",\"Message\":\"Process Create\"}";
        CanonicalEvent e = Inputs.text(dir, "nx.json", json + "\n").only();
        assertThat(e.eventClass()).isEqualTo(new EventClass("windows", "process_creation", "sysmon"));
        assertThat(field(e, "Computer")).isEqualTo("dc.local");
        assertThat(field(e, "Provider_Name")).isEqualTo("Microsoft-Windows-Sysmon");
        assertThat(field(e, "Execution_ProcessID")).isEqualTo("2740");
        assertThat(field(e, "ProcessId")).isEqualTo("1144");
        assertThat(e.origin().record()).isEqualTo(951);
        assertThat(e.timeMillis()).isEqualTo(1596260790063L);
    }

    @Test
    void otrfLowerCaseSecurityChannelStillMaps4688() {
        String json = "{\"@timestamp\":\"2020-06-10T02:50:56.537Z\",\"Hostname\":\"ws6\",\"EventID\":4688,"
                + "\"Channel\":\"security\",\"SourceName\":\"Microsoft-Windows-Security-Auditing\","
                + "\"NewProcessName\":\"C:\\\\Windows\\\\System32\\\\net.exe\",\"NewProcessId\":\"0x10\"}";
        CanonicalEvent e = Inputs.text(dir, "o.json", json + "\n").only();
        assertThat(e.eventClass()).isEqualTo(new EventClass("windows", "process_creation", "security"));
        assertThat(field(e, "ImageName")).isEqualTo("net.exe");
        assertThat(field(e, "ProcessId")).isEqualTo("16");
        assertThat(e.timeMillis()).isEqualTo(1591757456537L);
    }

    @Test
    void unrecognisedJsonStaysAnEventWithRawFieldsAndUnknownClass() {
        Inputs r = Inputs.text(dir, "x.json", "{\"a\":{\"b\":1},\"tags\":[\"x\",\"y\"]}\n");
        CanonicalEvent e = r.only();
        assertThat(e.eventClass()).isEqualTo(EventClass.UNKNOWN);
        assertThat(field(e, "a.b")).isEqualTo("1");
        assertThat((String[]) field(e, "tags")).containsExactly("x", "y");
        assertThat(e.origin().record()).isEqualTo(1);
        assertThat(r.summary.recordsSkippedTotal()).isZero();
    }

    @Test
    void sysmonRegistryDeleteIsItsOwnCategory() {
        String json = "{\"EventID\":12,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"Hostname\":\"h\",\"EventType\":\"DeleteKey\"}";
        assertThat(Inputs.text(dir, "d.json", json + "\n").only().eventClass().category()).isEqualTo("registry_delete");
    }
}
