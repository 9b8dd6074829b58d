/** Jest runs TypeScript through SWC (transpile only); `npm run typecheck` does the type checking. */
module.exports = {
  testEnvironment: 'node',
  // two workers even on CI's two cores (jest's default there is one, i.e. every file in turn): much of the
  // suite waits on PostgreSQL, Chromium, LibreOffice, webpack or a server process rather than on the CPU
  maxWorkers: 2,
  // the server tests also run on PostgreSQL: start the local one when nothing else is configured
  globalSetup: '<rootDir>/test/setup/postgres-global-setup.ts',
  roots: ['<rootDir>/test'],
  // component tests opt into jsdom with a `@jest-environment jsdom` docblock
  setupFilesAfterEnv: ['<rootDir>/test/setup/jest-dom.ts'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }],
  },
  // ES modules only, compiled by SWC for jest too: wouter (the web app's routes) and its regexparam; cookie@2,
  // which @fastify/cookie (the session cookie) loads with import() (Node itself loads them as they are)
  transformIgnorePatterns: ['/node_modules/(?!(wouter|regexparam|cookie|@fastify/cookie)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
