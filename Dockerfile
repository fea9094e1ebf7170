# One image for every vnplan process: workers, the API, and one-off imports.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# better-sqlite3 may need a compiler when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY . .
# npm ci runs the prepare script (tsc → dist/); dev dependencies are dropped afterwards.
RUN npm ci --include=dev && npm prune --omit=dev
ENTRYPOINT ["node", "bin/vnplan.js"]
CMD ["--help"]
