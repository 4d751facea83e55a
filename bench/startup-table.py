#!/usr/bin/env python3
"""bench/startup's table: Spring's start-up steps (/actuator/startup) of each run, grouped by what
they belong to, as medians per database. Usage: startup-table.py runs.jsonl hearth-classes.txt ORIGIN LOAD

Each step's own time (its duration minus its children's) goes to one group, chosen by the step's
name and its bean's name and type; so the groups of the context refresh add up to the refresh.
Hikari opens its pool on the first getConnection(), which is Flyway's: the pool's start (from its two
log lines, "Starting..." and "Start completed.") is moved out of the step it happened in."""
import json
import re
import statistics
import sys
from datetime import datetime, timezone

ROWS = [  # group, label
    ("config", "configuration classes: component scan, auto-configuration conditions, bean post-processors"),
    ("flyway", "Flyway (its beans and the migration)"),
    ("hikari", "Hikari pool start (first connection: H2 opens its file / PostgreSQL login)"),
    ("engine", "Groovy SmartApp engine (its beans; nothing is compiled at start)"),
    ("thymeleaf", "Thymeleaf"),
    ("tomcat", "Tomcat (web server created and initialised)"),
    ("security", "Spring Security (filter chains, HttpSecurity)"),
    ("session", "Spring Session JDBC"),
    ("actuator", "Micrometer, Prometheus and the actuator"),
    ("mvc", "Spring MVC and Jackson"),
    ("hearth", "Hearth's own beans (constructors, settings)"),
    ("rest", "other beans (JDBC, transactions, ...)"),
    ("refresh", "the refresh outside any step (lifecycle start: Tomcat's connector; singletons' bookkeeping)"),
]
CONFIG_STEPS = {"spring.context.beans.post-process", "spring.context.beandef-registry.post-process",
                "spring.context.config-classes.parse", "spring.context.config-classes.enhance",
                "spring.context.bean-factory.post-process"}
# Hearth's security filter chains are @Bean methods (the steps name no type for them).
SECURITY_BEANS = {"smartThingsApiChain", "oauthClients", "managementApi", "pages", "springSecurityFilterChain",
                  "securityObservations", "passwordEncoder"}


def instant(text):
    # 2026-12-03T06:59:24.141632742Z -> seconds since the epoch, to the microsecond
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z", text)
    base = datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc).timestamp()
    return base + float("0." + (m.group(2) or "0"))


def log_instant(line):
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+)(Z|[+-]\d\d:\d\d)", line)
    if not m:
        return None
    return datetime.fromisoformat(m.group(1) + ("+00:00" if m.group(2) == "Z" else m.group(2))).timestamp()


def classify(step, hearth_names):
    name = step["name"]
    tags = {t["key"]: t["value"] for t in step.get("tags", [])}
    if name in CONFIG_STEPS:
        return "config"
    if name == "spring.context.refresh":
        return "refresh"
    if name == "spring.boot.webserver.create":
        return "tomcat"
    if name.startswith("spring.boot.application."):
        return "boot"
    bean = tags.get("beanName", "")
    kind = tags.get("beanType", "")
    s = bean + " " + kind
    if re.search(r"flyway", s, re.I):
        return "flyway"
    if re.search(r"hearth\.engine\.|groovy|smartAppEngine", s, re.I):
        return "engine"
    if re.search(r"thymeleaf|templateEngine|TemplateResolver", s, re.I):
        return "thymeleaf"
    if re.search(r"tomcat|ServletWebServerFactory|WebServerFactoryCustomizer", s, re.I):
        return "tomcat"
    if re.search(r"springframework\.session|sessionRepository|SessionRepositoryFilter|session\.jdbc", s):
        return "session"
    if bean in SECURITY_BEANS or re.search(r"security", s, re.I):
        return "security"
    if re.search(r"micrometer|prometheus|[mM]eterRegistry|MeterBinder|MeterFilter|observation|actuat|health|"
                 r"[eE]ndpoint", s):
        return "actuator"
    if re.search(r"\.web\.servlet\.|webmvc|mvc|requestMapping|HandlerMapping|HandlerAdapter|dispatcherServlet|"
                 r"viewResolver|jackson|JsonMapper|conversionService|multipart", s, re.I):
        return "mvc"
    if re.match(r"(class|interface) hearth\.", kind) or (bean[:1].upper() + bean[1:]) in hearth_names:
        return "hearth"
    return "rest"


def analyse(run, hearth_names):
    doc = json.load(open(run["steps"]))
    events = doc["timeline"]["events"]
    steps = {}
    for e in events:
        st = e["startupStep"]
        steps[st["id"]] = {"name": st["name"], "parent": st.get("parentId"), "step": st,
                           "start": instant(e["startTime"]), "end": instant(e["endTime"])}
    own = {i: s["end"] - s["start"] for i, s in steps.items()}
    for i, s in steps.items():
        if s["parent"] in own:
            own[s["parent"]] -= s["end"] - s["start"]
    group = {i: classify(s["step"], hearth_names) for i, s in steps.items()}

    # Hikari's pool start: moved out of the innermost step it happened in.
    hikari = 0.0
    started = completed = None
    for line in open(run["log"], errors="replace"):
        if "HikariPool-1 - Starting..." in line:
            started = log_instant(line)
        elif "HikariPool-1 - Start completed." in line:
            completed = log_instant(line)
    if started and completed:
        hikari = completed - started
        inside = [i for i, s in steps.items() if s["start"] <= started and completed <= s["end"]]
        if inside:
            innermost = min(inside, key=lambda i: steps[i]["end"] - steps[i]["start"])
            own[innermost] -= hikari

    refresh_id = next(i for i, s in steps.items() if s["name"] == "spring.context.refresh")

    def under_refresh(i):
        while i is not None:
            if i == refresh_id:
                return True
            i = steps[i]["parent"] if i in steps else None
        return False

    groups = {g: 0.0 for g, _ in ROWS}
    groups["hikari"] = hikari
    for i in steps:
        if under_refresh(i):
            groups[group[i]] = groups.get(group[i], 0.0) + own[i]
    refresh = steps[refresh_id]
    spring = instant(doc["timeline"]["startTime"])
    row = {
        "total": run["health"] - run["launch"],
        "jvm": spring - run["launch"],
        "before_refresh": refresh["start"] - spring,
        "refresh": refresh["end"] - refresh["start"],
        "after_refresh": run["health"] - refresh["end"],
        "rss": run["rss_kb"] / 1024.0,
        "cpu": run.get("cpu", 0.0),
        "steps": len(events),
    }
    row.update({"g_" + g: v for g, v in groups.items()})
    beans = sorted(((own[i], steps[i]["step"]) for i in steps if under_refresh(i)), key=lambda x: -x[0])
    return row, beans[:12]


def main():
    runs = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
    hearth_names = {line.strip() for line in open(sys.argv[2]) if line.strip()}
    origin, load = sys.argv[3], sys.argv[4]
    dbs = []
    rows = {}
    tops = {}
    for run in runs:
        row, top = analyse(run, hearth_names)
        if run["db"] not in rows:
            dbs.append(run["db"])
            tops[run["db"]] = top
        rows.setdefault(run["db"], []).append(row)
    names = {"h2": "H2", "postgres": "PostgreSQL", "h2-restart": "H2, restart", "postgres-restart": "PostgreSQL, restart"}

    def med(db, key):
        return statistics.median(r[key] for r in rows[db])

    def cell(db, key, unit="s"):
        if unit == "MiB":
            return f"{med(db, key):.0f} MiB"
        return f"{med(db, key):.2f} s"

    def pct(db, key):
        return f"{100 * med(db, key) / med(db, 'refresh'):.0f}%"

    out = []
    out.append(f"Hearth {origin}; load average {load}; medians of {', '.join(f'{len(rows[d])} {names.get(d, d)}' for d in dbs)} starts")
    out.append("")
    out.append("| | " + " | ".join(names.get(d, d) for d in dbs) + " |")
    out.append("|---|" + "---|" * len(dbs))
    out.append("| **total: launch to the first 200 of /actuator/health** | "
               + " | ".join("**" + cell(d, "total") + "** (" + ", ".join(f"{r['total']:.2f}" for r in rows[d]) + ")"
                            for d in dbs) + " |")
    out.append("| JVM start to Spring start (JVM, the jar's launcher, main class) | "
               + " | ".join(cell(d, "jvm") for d in dbs) + " |")
    out.append("| Spring before the refresh (configuration files, logging, the context and its bean definitions) | "
               + " | ".join(cell(d, "before_refresh") for d in dbs) + " |")
    out.append("| **Spring context refresh** | " + " | ".join("**" + cell(d, "refresh") + "**" for d in dbs) + " |")
    for g, label in ROWS:
        out.append(f"| &nbsp;&nbsp;{label} | "
                   + " | ".join(f"{cell(d, 'g_' + g)} ({pct(d, 'g_' + g)})" for d in dbs) + " |")
    out.append("| after the refresh to the first health answer (started listeners, the first request) | "
               + " | ".join(cell(d, "after_refresh") for d in dbs) + " |")
    out.append("| CPU time of the process to the first health answer (all threads) | "
               + " | ".join(cell(d, "cpu") for d in dbs) + " |")
    out.append("| RSS right after start (VmRSS) | " + " | ".join(cell(d, "rss", "MiB") for d in dbs) + " |")
    out.append("")
    out.append("(The refresh's groups are medians of each group, so they need not add up exactly to the median refresh.)")
    for d in dbs:
        out.append("")
        out.append(f"Largest single steps of the refresh, own time, {names.get(d, d)} run 1:")
        out.append("")
        for t, st in tops[d]:
            tags = {x["key"]: x["value"] for x in st.get("tags", [])}
            what = tags.get("beanName") or ", ".join(f"{k}={v}" for k, v in tags.items())
            out.append(f"- {t:.3f} s {st['name']} {what}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
