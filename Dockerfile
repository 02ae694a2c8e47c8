# syntax=docker/dockerfile:1
# One image for every service of docker-compose.yml (worker, sink, scheduler, migrate, dashboard):
#
#   docker build -t newsnlp .
#   docker run --rm newsnlp newsnlp --help
#
# Three stages: `build` installs every dependency (dev ones too) and compiles dist/ with
# `npm run build` (scripts/build.ts); `deps` installs the production dependencies alone;
# `runtime` takes those node_modules, the compiled dist/ and the data files the commands read, and
# runs as the unprivileged user `node`. It holds no TypeScript sources, so bin/newsnlp.js always
# runs the compiled build (dist/src/cli.js), and no TypeScript loader is needed.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would build before the sources are copied; the build runs below
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY migrations ./migrations
COPY schemas ./schemas
COPY seeds ./seeds
COPY fixtures ./fixtures
# `newsnlp` on the PATH (for `docker compose exec worker newsnlp status`); out/ is the only place
# the processes write (the JSONL sink), owned by the user they run as. The code stays root's.
RUN ln -s /app/bin/newsnlp.js /usr/local/bin/newsnlp \
 && mkdir -p /app/out \
 && chown node:node /app/out
USER node
# 3000: `newsnlp dashboard`; 9464: a worker's /metrics and /healthz (NEWSNLP_METRICS_PORT)
EXPOSE 3000 9464
# A worker of every stage, with the worker flags (src/ingest/node-flags.ts); docker-compose.yml
# names each service's command.
CMD ["node", "--single-threaded-gc", "--max-semi-space-size=4", "--max-old-space-size=512", "bin/newsnlp.js", "worker"]
