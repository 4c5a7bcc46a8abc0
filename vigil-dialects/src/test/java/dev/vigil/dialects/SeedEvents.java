package dev.vigil.dialects;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.engine.CompiledRuleSet;
import dev.vigil.core.engine.Detection;
import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.EventClass;
import dev.vigil.core.event.Origin;
import dev.vigil.core.stage.StageRunner;

import java.util.ArrayList;
import java.util.List;

/**
 * Process-creation events covering the behaviours of semantics.md §0.2, shaped as the normalizers emit
 * them from Sysmon 1, Security 4688 and ECS, and a runner that feeds them through one query.
 */
public final class SeedEvents {

    private SeedEvents() {
    }

    public static final long T0 = 1_700_000_000_000L; // 2023-11-14T22:13:20Z

    static CanonicalEvent base(String source, long record, EventClass c, String host, String image, String cmd,
                               String original, String user, String parentCmd, long offsetSeconds) {
        CanonicalEvent e = new CanonicalEvent(new Origin(source, record, 0));
        e.eventClass(c).timeMillis(T0 + offsetSeconds * 1000).host(host);
        e.put("Computer", host);
        e.put("Image", image);
        e.put("ImageName", image.substring(image.lastIndexOf('\\') + 1));
        e.put("CommandLine", cmd);
        if (original != null) {
            e.put("OriginalFileName", original);
        }
        e.put("User", user);
        e.put("ParentImage", "C:\\Windows\\System32\\cmd.exe");
        e.put("ParentImageName", "cmd.exe");
        if (parentCmd != null) {
            e.put("ParentCommandLine", parentCmd);
        }
        return e;
    }

    public static CanonicalEvent sysmon(long record, String image, String cmd, String original, long t) {
        CanonicalEvent e = base("sysmon.evtx", record, new EventClass("windows", "process_creation", "sysmon"),
                "host1", image, cmd, original, "CORP\\alice", "cmd.exe /c x.bat", t);
        e.put("EventID", "1");
        e.put("Channel", "Microsoft-Windows-Sysmon/Operational");
        return e;
    }

    public static CanonicalEvent security(long record, String image, String cmd, long t) {
        CanonicalEvent e = base("security.evtx", record, new EventClass("windows", "process_creation", "security"),
                "host2", image, cmd, null, "CORP\\bob", null, t);
        e.put("EventID", "4688");
        e.put("Channel", "Security");
        return e;
    }

    public static CanonicalEvent ecs(long record, String image, String cmd, long t) {
        return base("winlogbeat.jsonl", record, new EventClass("windows", "process_creation", null), "host3", image,
                cmd, "net1.exe", "CORP\\carol", "powershell.exe", t);
    }

    static final String SYS32 = "C:\\Windows\\System32\\";

    /** Name of each event (for readable assertions) and the event. */
    public record Named(String name, CanonicalEvent event) {
    }

    public static List<Named> all() {
        List<Named> out = new ArrayList<>();
        out.add(new Named("net-share-delete", sysmon(1, SYS32 + "net.exe", "net share x /delete", "net.exe", 1)));
        out.add(new Named("net1-share-delete", sysmon(2, SYS32 + "net1.exe",
                "C:\\Windows\\system32\\net1 share x /delete", "net1.exe", 2)));
        out.add(new Named("syswow64-net", sysmon(3, "C:\\Windows\\SysWOW64\\net.exe", "net share x /delete", "net.exe",
                3)));
        out.add(new Named("renamed-copy", sysmon(4, "C:\\Users\\bob\\n.exe", "n share x /delete", "net.exe", 4)));
        out.add(new Named("net-user-delete", sysmon(5, SYS32 + "net.exe", "net user bob /delete", "net.exe", 5)));
        out.add(new Named("net1-share-d", sysmon(6, SYS32 + "net1.exe", "net1 share x /d", "net1.exe", 6)));
        out.add(new Named("net1-share-DEL", sysmon(7, SYS32 + "net1.exe", "net1 share x /DEL", "net1.exe", 7)));
        out.add(new Named("net1-share-del-again", sysmon(8, SYS32 + "net1.exe", "net1 share x /DEL", "net1.exe", 70)));
        out.add(new Named("remove-fileshare", sysmon(9, SYS32 + "WindowsPowerShell\\v1.0\\powershell.exe",
                "powershell Remove-FileShare -Name x", "PowerShell.EXE", 9)));
        out.add(new Named("remove-smbshare-lower", sysmon(10, SYS32 + "WindowsPowerShell\\v1.0\\powershell.exe",
                "powershell remove-smbshare x", "PowerShell.EXE", 10)));
        out.add(new Named("upper-case-path", sysmon(11, "C:\\WINDOWS\\SYSTEM32\\NET.EXE", "NET SHARE X /DELETE",
                "net.exe", 11)));
        out.add(new Named("4688-net-delete", security(4001, SYS32 + "net.exe", "net share y /delete", 20)));
        out.add(new Named("4688-net1-delete", security(4002, SYS32 + "net1.exe", "net1 share y /delete", 21)));
        out.add(new Named("ecs-net1-share", ecs(1, SYS32 + "net1.exe", "net1 share z /delete", 30)));
        return out;
    }

    /** Runs one compiled query over the events; returns the detections (events or rows) in order. */
    public static List<Detection> run(Analytic a, Implementation impl, Query q, List<Named> events) {
        CompiledRuleSet set = CompiledRuleSet.builder().add(a, impl, q).build();
        StageRunner runner = new StageRunner();
        List<Detection> out = new ArrayList<>();
        for (Named n : events) {
            set.match(n.event(), hit -> runner.accept(hit, out::add));
        }
        runner.finish(out::add);
        return out;
    }

    /** Names of the events that produced event detections. */
    public static List<String> matched(Analytic a, Implementation impl, Query q) {
        List<Named> events = all();
        List<String> names = new ArrayList<>();
        for (Detection d : run(a, impl, q, events)) {
            for (Named n : events) {
                if (n.event() == d.event()) {
                    names.add(n.name());
                }
            }
        }
        return names;
    }
}
