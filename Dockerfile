# The image fly.toml deploys: build the single binary, ship it alone on a slim glibc base
# (libsql's embedded native module is the glibc build).
FROM node:22-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/dist/strata /usr/local/bin/strata
ENV STRATA_HTTP_BIND=0.0.0.0:8086 STRATA_DATA_DIR=/data
EXPOSE 8086
VOLUME /data
ENTRYPOINT ["/usr/local/bin/strata"]
CMD ["serve"]
