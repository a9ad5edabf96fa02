/**
 * Mini-program tests: the real weapp build (dist/weapp, from `npx taro build --type weapp`)
 * rendered by miniprogram-simulate with Tencent's WXML compiler. Nothing is transformed: the
 * files under test are the ones that ship.
 */
module.exports = {
  displayName: 'mp',
  rootDir: '../..',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/mp/**/*.test.js'],
  transform: {},
  testTimeout: 20000,
};
