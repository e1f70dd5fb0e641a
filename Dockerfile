# The app image for cluster mode (docker-compose). Builds from the repo; no copy by hand.
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml ./
COPY workers/pom.xml workers/
COPY workflows/ workflows/
COPY workers/src/ workers/src/
RUN mvn -B -q -DskipTests -pl workers -am package

FROM eclipse-temurin:21-jre
# Not root: what the app can touch in the container is its own data dir.
RUN useradd --system --home-dir /app --shell /usr/sbin/nologin leadjourney && mkdir -p /app/data && chown leadjourney /app/data
WORKDIR /app
COPY --from=build /src/workers/target/lead-journey-workers-*.jar app.jar
USER leadjourney
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
