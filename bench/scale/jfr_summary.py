"""Summarises `jfr print --events jdk.ExecutionSample` output: the hottest methods (self), and the
share of samples whose stack passes through each library (inclusive), so a miss names its cause."""
import collections, re, sys

text = open(sys.argv[1], encoding="utf-8").read()
samples = [s for s in text.split("jdk.ExecutionSample") if "stackTrace" in s]
frame = re.compile(r"^\s+([\w$.<>]+)\(.*?line:", re.M)
self_count = collections.Counter()
incl = collections.Counter()
groups = [("schemacrawler", ("schemacrawler.", "us.fatehi.")), ("hibernate boot", ("org.hibernate.",)),
          ("class loading / jar", ("java.lang.ClassLoader", "jdk.internal.loader", "java.util.zip", "java.util.jar")),
          ("reflection / annotations", ("sun.reflect.annotation", "java.lang.reflect", "jdk.internal.reflect")),
          ("jdbc driver", ("org.postgresql.", "org.mariadb.", "org.h2.")), ("jooq", ("org.jooq.",)),
          ("javapoet", ("com.palantir.javapoet.",)), ("picocli", ("picocli.",)),
          ("concertina engine", ("dev.concertina.engine.",)), ("concertina models", ("dev.concertina.entities.",)),
          ("concertina codegen", ("dev.concertina.codegen.",)), ("regex", ("java.util.regex.",))]
for s in samples:
    frames = frame.findall(s)
    if not frames:
        continue
    self_count[frames[0]] += 1
    for name, prefixes in groups:
        if any(f.startswith(prefixes) for f in frames):
            incl[name] += 1
total = max(1, len(samples))
print(f"{len(samples)} execution samples")
print("\ninclusive share by library (a sample may count in several):")
for name, c in incl.most_common():
    print(f"  {100.0 * c / total:5.1f}%  {name}")
print("\nhottest methods (self):")
for m, c in self_count.most_common(15):
    print(f"  {100.0 * c / total:5.1f}%  {m}")
