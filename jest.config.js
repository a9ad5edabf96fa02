// The whole suite: `npm test` (scripts/test.mjs builds what the mini-program and browser tests need first).
module.exports = {
  projects: [
    '<rootDir>/tests/node.jest.config.cjs',
    '<rootDir>/tests/ui/jest.config.cjs',
    '<rootDir>/tests/mp/jest.config.cjs',
    '<rootDir>/tests/e2e/jest.config.cjs',
  ],
};
