// Node-side tests: pure core, store contract, actions, server, built functions.
module.exports = {
  displayName: 'node',
  rootDir: '..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/{core,store,actions,server,functions,open311}/**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } } }] },
  transformIgnorePatterns: ['/node_modules/(?!(chinese-days|cookie)/)', '<rootDir>/dist/'],
};
