/**
 * UI tests: the pages rendered with Taro's H5 React components in jsdom (Testing Library).
 * Only the transport (services/transport) and Taro's platform APIs are stand-ins.
 */
const esmPackages = [
  '@tarojs',
  '@stencil',
  '@nutui',
  'swiper',
  'ssr-window',
  'dom7',
  'lodash-es',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  // @tarojs/components ships its own ESM tslib under a nested pnpm folder.
  '\\.pnpm',
  'tslib',
  // The management page's antd (tests/ui/admin): its colour and component packages ship ESM only.
  '@ant-design',
  '@rc-component',
];

const swc = (syntax) => [
  '@swc/jest',
  {
    jsc: {
      parser: syntax === 'ts' ? { syntax: 'typescript', tsx: true } : { syntax: 'ecmascript', jsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2020',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  displayName: 'ui',
  rootDir: '../..',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/ui/**/*.test.{ts,tsx}'],
  transform: {
    '^.+\\.(ts|tsx)$': swc('ts'),
    '^.+\\.(js|jsx|mjs)$': swc('js'),
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@tarojs/components$': '<rootDir>/tests/ui/support/taro-components.ts',
    '^@tarojs/taro$': '<rootDir>/tests/ui/support/taro.ts',
    '\\.(css|scss|sass|less)$': '<rootDir>/tests/ui/support/style.ts',
  },
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_MUTATION_OBSERVER: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
    __TARO_FRAMEWORK__: 'react',
  },
  setupFilesAfterEnv: ['<rootDir>/tests/ui/support/setup.ts'],
};
