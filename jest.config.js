// One jest run covers every suite; `npm test` (scripts/test.mjs) provides Postgres
// for the integration projects. Select one with `npx jest --selectProjects unit`.
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", decorators: true },
      target: "es2022",
    },
  },
]

const base = {
  transform: { "^.+\\.[jt]s$": swc },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["<rootDir>/.medusa/", "<rootDir>/sandbox/dist/"],
}

module.exports = {
  projects: [
    {
      ...base,
      displayName: "unit",
      testMatch: ["<rootDir>/src/**/__tests__/**/*.spec.ts", "<rootDir>/bench/__tests__/**/*.spec.ts"],
    },
    {
      ...base,
      displayName: "sandbox",
      testMatch: ["<rootDir>/sandbox/**/__tests__/**/*.spec.ts"],
    },
    {
      ...base,
      displayName: "integration",
      testMatch: ["<rootDir>/integration-tests/http/**/*.spec.ts"],
      setupFiles: ["<rootDir>/integration-tests/setup.js"],
    },
    {
      ...base,
      displayName: "e2e",
      testMatch: ["<rootDir>/integration-tests/e2e/**/*.spec.ts"],
      setupFiles: ["<rootDir>/integration-tests/setup.js"],
    },
    {
      // Medusa's production shape: servers and a worker as separate processes on one
      // Postgres and one Redis (TEST_REDIS_URL, from scripts/test.mjs).
      ...base,
      displayName: "cluster",
      testMatch: ["<rootDir>/integration-tests/cluster/**/*.spec.ts"],
    },
    {
      // The packed plugin in a bare Medusa app of its own (npm pack, npm install, medusa
      // build, migrate, start, checkouts): minutes, mostly npm's. Timeouts are in the suite.
      ...base,
      displayName: "package",
      testMatch: ["<rootDir>/integration-tests/package/**/*.spec.ts"],
    },
  ],
}
