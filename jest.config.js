/** Jest runs TypeScript through SWC (transpile only); `npm run typecheck` does the type checking. */
module.exports = {
  testEnvironment: 'node',
  // the server tests also run on PostgreSQL: start the local one when nothing else is configured
  globalSetup: '<rootDir>/test/setup/postgres-global-setup.ts',
  roots: ['<rootDir>/test'],
  // component tests opt into jsdom with a `@jest-environment jsdom` docblock
  setupFilesAfterEnv: ['<rootDir>/test/setup/jest-dom.ts'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }],
  },
  // wouter (the web app's routes) and its regexparam ship only ES modules: SWC compiles them for jest too
  transformIgnorePatterns: ['/node_modules/(?!(wouter|regexparam)/)'],
  // @fastify/cookie loads the ESM-only cookie@2 with import(): SWC turns both into CommonJS for jest's runtime
  // (Node itself loads them as they are)
  transformIgnorePatterns: ['/node_modules/(?!(cookie|@fastify/cookie)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
