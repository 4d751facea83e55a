# How Hearth's jar is started: sourced by ./hearth (start, cluster), bench/run and bench/startup, so
# the benchmarks measure what users run. Bash; needs java, and stat and flock where present.
#
#   hearth_launch JAR DIR   sets HEARTH_JAVA (an array: java and its options) and HEARTH_JAR, to run as
#                           "${HEARTH_JAVA[@]}" [more options] -jar "$HEARTH_JAR" [arguments]
#
# The options are packaging/jvm.options. With them, once per build of JAR: Spring Boot's extracted
# layout of the jar (DIR/app: the application jar and lib/, plain jars the JVM can share classes
# from) and a class-data-sharing archive (AppCDS, DIR/hearth.jsa) made by a training run, which
# starts Hearth on a throw-away H2 database in DIR/train and stops it once the context is refreshed
# (-Dspring.context.exit=onRefresh: no port opened, nothing reached over the network). The classes
# are then mapped from the archive instead of being read and verified from the jar: a third less
# CPU to the first health answer (bench/README.md, "Start-up: what costs what", 2026-12-03).
#
# Whatever goes wrong (no extraction, a failed training run, an archive this JVM can't map, e.g.
# after a Java update) Hearth starts as before, with java -jar JAR; a failure is recorded in
# DIR/stamp and not retried for the same jar and Java; DIR/make.log says why. HEARTH_CDS=off skips
# the archive. The archive is remade when JAR or the Java installation changes (size and time).

HEARTH_PACKAGING=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

hearth_jvm_options() {
  sed 's/#.*//' "$HEARTH_PACKAGING/jvm.options" | tr -s ' \t\n' ' ' | sed 's/^ *//; s/ *$//'
}

hearth_launch() {
  local jar dir opts
  jar=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  dir=$2
  read -r -a opts <<< "$(hearth_jvm_options)"
  HEARTH_JAVA=(java "${opts[@]+"${opts[@]}"}")
  HEARTH_JAR=$jar
  [ "${HEARTH_CDS:-on}" = off ] && return 0
  mkdir -p "$dir" 2>/dev/null || return 0
  dir=$(cd "$dir" && pwd)
  local app="$dir/app/$(basename "$jar")" jsa="$dir/hearth.jsa" java stamp
  java=$(readlink -f "$(command -v java)")
  # The jar's and the JVM's size and modification time: a rebuilt jar or an updated Java remakes it.
  stamp="$(stat -c '%s %Y' "$jar" "$java" "$(dirname "$java")/../lib/server/libjvm.so" 2>/dev/null | tr '\n' ' ')"
  if (
    # One at a time: two starts at once, or ./hearth cluster's three servers, make it once.
    if command -v flock >/dev/null; then flock 9; fi
    usable() { [ -s "$jsa" ] && "${HEARTH_JAVA[@]}" -Xshare:on -XX:SharedArchiveFile="$jsa" -cp "$app" -version >/dev/null 2>&1; }
    case "$(cat "$dir/stamp" 2>/dev/null)" in
      "ok $stamp") usable && exit 0 ;;
      "failed $stamp") exit 1 ;;
    esac
    echo "hearth: making a class-data-sharing archive for this build of the jar (once; it makes Hearth start faster)..." >&2
    rm -rf "$dir/app" "$jsa" "$dir/train" "$dir/stamp"
    mkdir -p "$dir/train"
    # The training run: its own empty H2 folder, its own working directory (no ./config or ./data
    # of the user's), no environment (no SPRING_PROFILES_ACTIVE or HEARTH_DB_URL of the user's).
    if java -Djarmode=tools -jar "$jar" extract --destination "$dir/app" \
           --application-filename "$(basename "$jar")" >"$dir/make.log" 2>&1 \
       && (cd "$dir/train" && env -i PATH="$PATH" HOME="$dir/train" LANG=C.UTF-8 "${HEARTH_JAVA[@]}" \
           -XX:ArchiveClassesAtExit="$jsa" -Dspring.context.exit=onRefresh -jar "$app" \
           --hearth.data-dir="$dir/train/data" --server.port=0 --hearth.demo.enabled=false) >>"$dir/make.log" 2>&1 \
       && usable; then
      rm -rf "$dir/train"
      echo "ok $stamp" > "$dir/stamp"
      exit 0
    fi
    rm -rf "$dir/train"
    echo "failed $stamp" > "$dir/stamp"
    echo "hearth: no class-data-sharing archive (see $dir/make.log); starting from the jar as it is" >&2
    exit 1
  ) 9>"$dir/.lock"; then
    HEARTH_JAVA+=(-XX:SharedArchiveFile="$jsa" -Xshare:auto)
    HEARTH_JAR=$app
  fi
  return 0
}
