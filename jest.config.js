// The whole suite: `npm test` (scripts/test.mjs builds what the mini-program and browser tests need first).
module.exports = {
  // Jest reads testTimeout from here only (a project's own is ignored, with a warning), so the
  // browser tests' 2 minutes must be set for the whole run; unit tests finish in milliseconds anyway.
  testTimeout: 120000,
  projects: [
    '<rootDir>/tests/node.jest.config.cjs',
    '<rootDir>/tests/ui/jest.config.cjs',
    '<rootDir>/tests/mp/jest.config.cjs',
    '<rootDir>/tests/e2e/jest.config.cjs',
  ],
};
