# Sourced by ./rondo and ./run-tests: sets JAVA_HOME to a JDK 21 or newer, or exits with advice.
# Order: $JAVA_HOME if new enough, the `java` on PATH, then the JDKs under /usr/lib/jvm and
# /Library/Java/JavaVirtualMachines, newest first.

rondo_java_major() {
    # Prints the major version of the JDK at $1, or nothing. Its `release` file says it without starting a
    # JVM (which costs a one-shot command about a tenth of a second); only a JDK without one is asked.
    local release="$1/release" version=""
    if [ -f "$release" ]; then
        version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$release")
    fi
    if [ -z "$version" ]; then
        version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
    fi
    version=${version#1.}
    printf '%s\n' "${version%%[.+-]*}"
}

rondo_find_jdk() {
    local candidates=()
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    if command -v java >/dev/null 2>&1; then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
    fi
    local dir
    for dir in $(ls -d /usr/lib/jvm/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/ 2>/dev/null | sort -rV); do
        candidates+=("${dir%/}")
    done
    local home major
    for home in "${candidates[@]}"; do
        [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
        major=$(rondo_java_major "$home")
        if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
            export JAVA_HOME="$home"
            return 0
        fi
    done
    echo "rondo: needs a JDK 21 or newer (java and javac), and found none." >&2
    echo "       Install one (for example 'apt-get install openjdk-21-jdk' or https://adoptium.net)," >&2
    echo "       or point JAVA_HOME at it." >&2
    exit 2
}

rondo_find_jdk
