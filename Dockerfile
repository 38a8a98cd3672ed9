FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/schema ./schema
COPY --from=build /app/seed ./seed
COPY --from=build /app/browser ./browser
# The drafter's rules are data it reads at run time, from their one place in the sources.
COPY --from=build /app/src/drafting/pipeline/rules ./src/drafting/pipeline/rules
USER node
EXPOSE 4000
CMD ["node", "dist/src/index.js"]
