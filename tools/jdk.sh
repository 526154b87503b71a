# Sourced by the repository's scripts: finds JDK 25 and exports JAVA_HOME, or stops with a clear message.
# Looks at JAVA_HOME first, then /usr/lib/jvm/*25*.

parallax_find_jdk() {
    local candidate version
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*25*; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
        version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 \
            | sed -n 's/^ *java.specification.version = //p')
        if [ "$version" = "25" ]; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    done
    {
        echo "Parallax needs JDK 25, and none was found."
        echo "  looked at: JAVA_HOME=${JAVA_HOME:-<unset>} and /usr/lib/jvm/*25*"
        echo "  fix: install a JDK 25 (for example Temurin 25) under /usr/lib/jvm, or set JAVA_HOME to one."
    } >&2
    return 1
}

parallax_find_jdk || exit 1
