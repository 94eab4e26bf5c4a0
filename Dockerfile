# syntax=docker/dockerfile:1
#
# The livelog image: the project's own build (the fat jar) on a JRE 17.
#
#   docker build -t registry.example.com/livelog:0.1.0 .
#   docker run --rm -p 8080:8080 -v "$PWD/livelog.yaml:/etc/livelog/livelog.yaml:ro" \
#       registry.example.com/livelog:0.1.0          # with web.host: 0.0.0.0 in livelog.yaml
#
# In Kubernetes the pods give the arguments (k8s/): run -c /etc/livelog/livelog.yaml
# --cluster --roles <roles>.

# --- build: the same command as ./livelog uses, tests excluded (CI runs them) -------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The Maven repository is a build cache, kept between builds and out of the image.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests package -pl app -am

# --- runtime: a JRE on Ubuntu (glibc: the embedded store's DuckDB library needs it) ---------
FROM eclipse-temurin:17-jre

LABEL org.opencontainers.image.title="livelog" \
      org.opencontainers.image.description="Live log analyzer: follows nginx logs, plots cache hit ratio, upstream times, rates and errors live"

# A fixed, unprivileged user (the uid the manifests' securityContext names). Its working
# directory holds the embedded store's data/ when no MongoDB is configured.
RUN groupadd --system --gid 10001 livelog \
    && useradd --system --uid 10001 --gid livelog --home-dir /var/lib/livelog \
        --no-create-home --shell /usr/sbin/nologin livelog \
    && mkdir -p /etc/livelog /var/lib/livelog \
    && chown livelog:livelog /var/lib/livelog

COPY --from=build /src/app/target/livelog.jar /opt/livelog/livelog.jar

USER 10001:10001
WORKDIR /var/lib/livelog

# The heap follows the container's memory limit; an OutOfMemoryError ends the process, for
# the orchestrator to restart, rather than leaving it half-alive.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

# 8080: web.port (dashboard, API, probes, metrics). 5701: cluster.port (Hazelcast). 5710:
# cluster.bus_port (the event bus between nodes, as k8s/ sets it).
EXPOSE 8080 5701 5710

# Exec form: java is PID 1 and gets SIGTERM itself, so livelog stops cleanly (exit 0).
ENTRYPOINT ["java", "-jar", "/opt/livelog/livelog.jar"]
CMD ["run", "-c", "/etc/livelog/livelog.yaml"]
