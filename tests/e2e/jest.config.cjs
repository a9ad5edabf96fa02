/**
 * End-to-end tests: the real local server on a temporary database, driven through Chromium.
 * Run with `npx jest -c tests/e2e/jest.config.cjs`; needs /usr/bin/chromium
 * (`apt-get install -y chromium`).
 */
module.exports = {
  displayName: 'e2e',
  rootDir: '../..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  testTimeout: 120000,
  // One browser and one server at a time: two cores, and the screenshots tell one story.
  maxWorkers: 1,
};
