#!/usr/bin/env python3
"""Writes Vigil's bundled sample logs: one workstation's day, with the Atomic Red Team T1070.005
(network share connection removal) commands among ordinary activity, rendered three ways from the same
activity list: Sysmon event XML, Security 4688 event XML, and Winlogbeat (ECS) JSON lines.

Run from the repository root: python3 tools/make-samples.py
"""
import json
import os
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape

HOST = "WS-FIN-07.corp.example"
START = datetime(2026, 3, 14, 8, 55, 0, tzinfo=timezone.utc)
SYS32 = "C:\\Windows\\System32\\"

# (seconds after START, image, command line, parent image, parent command line, user, original file name)
ALICE = "CORP\\alice"
ADMIN = "CORP\\svc-admin"
SYSTEM = "NT AUTHORITY\\SYSTEM"
EXPLORER = "C:\\Windows\\explorer.exe"
CMD = SYS32 + "cmd.exe"
PS = SYS32 + "WindowsPowerShell\\v1.0\\powershell.exe"
NET = SYS32 + "net.exe"
NET1 = SYS32 + "net1.exe"
ACTIVITY = [
    (0, CMD, '"C:\\Windows\\system32\\cmd.exe" ', EXPLORER, "C:\\Windows\\Explorer.EXE", ALICE, "Cmd.Exe"),
    (12, SYS32 + "ipconfig.exe", "ipconfig  /all", CMD, '"C:\\Windows\\system32\\cmd.exe" ', ALICE, "ipconfig.exe"),
    (40, "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
     '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" --type=renderer --lang=en-US',
     EXPLORER, "C:\\Windows\\Explorer.EXE", ALICE, "chrome.exe"),
    (65, SYS32 + "svchost.exe", "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule",
     SYS32 + "services.exe", "C:\\Windows\\system32\\services.exe", SYSTEM, "svchost.exe"),
    (90, NET, "net  use Z: \\\\fileserver01\\finance /persistent:yes", CMD, '"C:\\Windows\\system32\\cmd.exe" ', ALICE,
     "net.exe"),
    (91, NET1, "C:\\Windows\\system32\\net1  use Z: \\\\fileserver01\\finance /persistent:yes", NET,
     "net  use Z: \\\\fileserver01\\finance /persistent:yes", ALICE, "net1.exe"),
    (130, NET, "net  share", CMD, '"C:\\Windows\\system32\\cmd.exe" ', ALICE, "net.exe"),
    (150, SYS32 + "notepad.exe", '"C:\\Windows\\system32\\notepad.exe" C:\\Users\\alice\\Documents\\delete-me-later.txt',
     EXPLORER, "C:\\Windows\\Explorer.EXE", ALICE, "NOTEPAD.EXE"),
    (200, PS, '"powershell.exe" -NoProfile -Command "Get-SmbShare | Format-Table Name,Path"', CMD,
     '"C:\\Windows\\system32\\cmd.exe" ', ADMIN, "PowerShell.EXE"),
    (260, NET, "net  user bob /delete", CMD, '"C:\\Windows\\system32\\cmd.exe" ', ADMIN, "net.exe"),
    (261, NET1, "C:\\Windows\\system32\\net1  user bob /delete", NET, "net  user bob /delete", ADMIN, "net1.exe"),
    # Atomic Red Team T1070.005 test 1: Add Network Share
    (600, NET, "net  use c: \\\\test\\share", CMD, '"C:\\Windows\\system32\\cmd.exe" /c "net use c: \\\\test\\share"',
     ADMIN, "net.exe"),
    (605, NET, 'net  share test=\\\\test\\share /REMARK:"test share" /CACHE:No', CMD,
     '"C:\\Windows\\system32\\cmd.exe" /c "net share test=\\\\test\\share /REMARK:"test share" /CACHE:No"', ADMIN,
     "net.exe"),
    # test 2: Remove Network Share
    (660, NET, "net  share \\\\test\\share /delete", CMD,
     '"C:\\Windows\\system32\\cmd.exe" /c "net share \\\\test\\share /delete"', ADMIN, "net.exe"),
    (661, NET1, "C:\\Windows\\system32\\net1  share \\\\test\\share /delete", NET, "net  share \\\\test\\share /delete",
     ADMIN, "net1.exe"),
    # test 3: Remove Network Share PowerShell
    (720, PS, '"powershell.exe" & {Remove-SmbShare -Name \\\\test\\share\nRemove-FileShare -Name \\\\test\\share}', CMD,
     '"C:\\Windows\\system32\\cmd.exe" ', ADMIN, "PowerShell.EXE"),
    (780, PS, '"powershell.exe" & {Remove-FileShare -Name \\\\test\\share}', CMD, '"C:\\Windows\\system32\\cmd.exe" ',
     ADMIN, "PowerShell.EXE"),
    # test 5: Remove Administrative Shares
    (840, CMD, '"C:\\Windows\\system32\\cmd.exe" /c for %i in (C$ IPC$ ADMIN$) do net share %i /delete', PS,
     '"powershell.exe" ', ADMIN, "Cmd.Exe"),
    (841, NET, "net  share C$ /delete", CMD,
     '"C:\\Windows\\system32\\cmd.exe" /c for %i in (C$ IPC$ ADMIN$) do net share %i /delete', ADMIN, "net.exe"),
    (842, NET, "net  share IPC$ /delete", CMD,
     '"C:\\Windows\\system32\\cmd.exe" /c for %i in (C$ IPC$ ADMIN$) do net share %i /delete', ADMIN, "net.exe"),
    (843, NET, "net  share ADMIN$ /delete", CMD,
     '"C:\\Windows\\system32\\cmd.exe" /c for %i in (C$ IPC$ ADMIN$) do net share %i /delete', ADMIN, "net.exe"),
    # evasions the seed analytics miss: abbreviated switch, and the 32-bit copy of net.exe
    (900, NET, "net  share finance /d", CMD, '"C:\\Windows\\system32\\cmd.exe" ', ADMIN, "net.exe"),
    (960, "C:\\Windows\\SysWOW64\\net.exe", "C:\\Windows\\SysWOW64\\net.exe use \\\\fileserver01\\finance /delete", CMD,
     '"C:\\Windows\\system32\\cmd.exe" ', ADMIN, "net.exe"),
]

MD5 = ["B5A8B3C2F2D5E1A4C3B2A1F0E9D8C7B6", "0F5A9B6C3D2E1F4A5B6C7D8E9F0A1B2C"]


def guid(n):
    return "{a1b2c3d4-%04x-65f3-%04x-00000000%04x}" % (0x61f0 + n, 0x1000 + n, 0x0a00 + n)


def sysmon_xml(i, a, t, rec):
    sec, image, cmd, pimage, pcmd, user, ofn = a
    pid, ppid = 4000 + i * 4, 3000 + i * 4
    fields = [("RuleName", "-"), ("UtcTime", t.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (t.microsecond // 1000)),
              ("ProcessGuid", guid(i)), ("ProcessId", str(pid)), ("Image", image),
              ("FileVersion", "10.0.19041.1 (WinBuild.160101.0800)"), ("Description", ofn),
              ("Product", "Microsoft® Windows® Operating System"), ("Company", "Microsoft Corporation"),
              ("OriginalFileName", ofn), ("CommandLine", cmd), ("CurrentDirectory", "C:\\Users\\alice\\"),
              ("User", user), ("LogonGuid", "{a1b2c3d4-0001-65f3-7a03-000000000000}"), ("LogonId", "0x37a03"),
              ("TerminalSessionId", "1"), ("IntegrityLevel", "High" if user != ALICE else "Medium"),
              ("Hashes", "MD5=%s,SHA256=%s,IMPHASH=%s" % (MD5[i % 2], (MD5[i % 2] * 2), MD5[(i + 1) % 2])),
              ("ParentProcessGuid", guid(100 + i)), ("ParentProcessId", str(ppid)), ("ParentImage", pimage),
              ("ParentCommandLine", pcmd), ("ParentUser", user)]
    return event_xml("Microsoft-Windows-Sysmon", "{5770385f-c22a-43e0-bf4c-06f5698ffbd9}", 1, 5, 4, 1,
                     "0x8000000000000000", t, rec, "Microsoft-Windows-Sysmon/Operational", "S-1-5-18", fields)


def security_xml(i, a, t, rec):
    sec, image, cmd, pimage, pcmd, user, ofn = a
    dom, name = user.split("\\")
    fields = [("SubjectUserSid", "S-1-5-21-1004336348-1177238915-682003330-1105"), ("SubjectUserName", name),
              ("SubjectDomainName", dom), ("SubjectLogonId", "0x37a03"), ("NewProcessId", hex(4000 + i * 4)),
              ("NewProcessName", image), ("TokenElevationType", "%%1937"), ("ProcessId", hex(3000 + i * 4)),
              ("CommandLine", cmd), ("TargetUserSid", "S-1-0-0"), ("TargetUserName", "-"), ("TargetDomainName", "-"),
              ("TargetLogonId", "0x0"), ("ParentProcessName", pimage),
              ("MandatoryLabel", "S-1-16-12288" if user != ALICE else "S-1-16-8192")]
    return event_xml("Microsoft-Windows-Security-Auditing", "{54849625-5478-4994-a5ba-3e3b0328c30d}", 4688, 2, 0, 13312,
                     "0x8020000000000000", t, rec, "Security", None, fields)


def event_xml(provider, pguid, eid, version, level, task, keywords, t, rec, channel, sid, fields):
    sec = '<Security UserID="%s"/>' % sid if sid else "<Security/>"
    data = "".join('<Data Name="%s">%s</Data>' % (k, escape(v)) for k, v in fields)
    return ('<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="%s" Guid="%s"/>'
            '<EventID>%d</EventID><Version>%d</Version><Level>%d</Level><Task>%d</Task><Opcode>0</Opcode>'
            '<Keywords>%s</Keywords><TimeCreated SystemTime="%s"/><EventRecordID>%d</EventRecordID><Correlation/>'
            '<Execution ProcessID="2988" ThreadID="3400"/><Channel>%s</Channel><Computer>%s</Computer>%s</System>'
            '<EventData>%s</EventData></Event>' % (provider, pguid, eid, version, level, task, keywords,
                                                   t.strftime("%Y-%m-%dT%H:%M:%S.%f0Z"), rec, channel, HOST, sec, data))


def ecs_json(i, a, t, rec):
    sec, image, cmd, pimage, pcmd, user, ofn = a
    dom, name = user.split("\\")
    return {
        "@timestamp": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000),
        "event": {"kind": "event", "category": ["process"], "type": ["start", "process_start"], "code": "1",
                  "provider": "Microsoft-Windows-Sysmon", "module": "sysmon", "action": "Process Create (rule: ProcessCreate)"},
        "host": {"name": HOST.lower(), "hostname": HOST.split(".")[0]},
        "winlog": {"channel": "Microsoft-Windows-Sysmon/Operational", "provider_name": "Microsoft-Windows-Sysmon",
                   "event_id": "1", "record_id": rec, "computer_name": HOST, "api": "wineventlog",
                   "user": {"identifier": "S-1-5-18", "domain": "NT AUTHORITY", "name": "SYSTEM", "type": "User"},
                   "event_data": {"LogonId": "0x37a03", "TerminalSessionId": "1",
                                  "IntegrityLevel": "High" if user != ALICE else "Medium", "ParentUser": user}},
        "process": {"entity_id": guid(i), "pid": 4000 + i * 4, "executable": image, "name": image.split("\\")[-1],
                    "command_line": cmd, "working_directory": "C:\\Users\\alice\\",
                    "pe": {"original_file_name": ofn, "company": "Microsoft Corporation"},
                    "hash": {"md5": MD5[i % 2].lower()},
                    "parent": {"entity_id": guid(100 + i), "pid": 3000 + i * 4, "executable": pimage,
                               "name": pimage.split("\\")[-1], "command_line": pcmd}},
        "user": {"domain": dom, "name": name},
        "agent": {"type": "winlogbeat", "version": "8.12.0"},
        "ecs": {"version": "8.0.0"},
    }


def background(t, rec):
    # A network connection and a file creation, so the sample is not process creation only.
    net = event_xml("Microsoft-Windows-Sysmon", "{5770385f-c22a-43e0-bf4c-06f5698ffbd9}", 3, 5, 4, 3,
                    "0x8000000000000000", t, rec, "Microsoft-Windows-Sysmon/Operational", "S-1-5-18",
                    [("RuleName", "-"), ("UtcTime", t.strftime("%Y-%m-%d %H:%M:%S.000")), ("ProcessGuid", guid(2)),
                     ("ProcessId", "4008"), ("Image", "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"),
                     ("User", ALICE), ("Protocol", "tcp"), ("Initiated", "true"), ("SourceIsIpv6", "false"),
                     ("SourceIp", "10.20.7.41"), ("SourcePort", "51544"), ("DestinationIsIpv6", "false"),
                     ("DestinationIp", "142.250.74.46"), ("DestinationPort", "443")])
    file_ev = event_xml("Microsoft-Windows-Sysmon", "{5770385f-c22a-43e0-bf4c-06f5698ffbd9}", 11, 2, 4, 11,
                        "0x8000000000000000", t + timedelta(seconds=1), rec + 1,
                        "Microsoft-Windows-Sysmon/Operational", "S-1-5-18",
                        [("RuleName", "-"), ("UtcTime", t.strftime("%Y-%m-%d %H:%M:%S.500")), ("ProcessGuid", guid(7)),
                         ("ProcessId", "4028"), ("Image", SYS32 + "notepad.exe"),
                         ("TargetFilename", "C:\\Users\\alice\\Documents\\delete-me-later.txt"),
                         ("CreationUtcTime", t.strftime("%Y-%m-%d %H:%M:%S.500")), ("User", ALICE)])
    return [net, file_ev]


def main():
    out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "samples")
    sysmon, security, ecs = [], [], []
    rec_sysmon, rec_sec = 18230, 904411
    for i, a in enumerate(ACTIVITY):
        t = START + timedelta(seconds=a[0], microseconds=137000 + i * 1000)
        if i == 3:
            sysmon.extend(background(t - timedelta(seconds=5), rec_sysmon))
            rec_sysmon += 2
        sysmon.append(sysmon_xml(i, a, t, rec_sysmon))
        security.append(security_xml(i, a, t, rec_sec))
        ecs.append(json.dumps(ecs_json(i, a, t, rec_sysmon), ensure_ascii=False))
        rec_sysmon += 1
        rec_sec += 3
    with open(os.path.join(out, "sysmon.xml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("<Events>\n" + "\n".join(sysmon) + "\n</Events>\n")
    with open(os.path.join(out, "security-4688.xml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(security) + "\n")
    with open(os.path.join(out, "winlogbeat-sysmon.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(ecs) + "\n")


if __name__ == "__main__":
    main()
