import { defineConfig, type UserConfigExport } from '@tarojs/cli';

/**
 * Taro build config for the mini-program (weapp) and the same pages in a browser (h5).
 * Our styles are written for a 750-wide design; NutUI's are written for 375, so its files get 375.
 */
const designWidth = (input?: unknown): number => {
  const file = (input as { file?: string } | undefined)?.file;
  return typeof file === 'string' && file.replace(/\\/g, '/').includes('@nutui') ? 375 : 750;
};

export default defineConfig<'webpack5'>(async () => {
  const env = process.env.TARO_ENV ?? 'weapp';
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'jinlin',
    date: '2025-01-01',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${env}`,
    plugins: [],
    // The CloudBase environment the mini-program calls: TCB_ENV at build time, else the
    // mini-program's default environment.
    defineConstants: { JINLIN_TCB_ENV: JSON.stringify(process.env.TCB_ENV ?? '') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      // Prebundling hides the @tarojs/components that NutUI uses from Taro's scan of used
      // components (the mini-program template would then lack them), so it stays off.
      prebundle: { enable: false },
    },
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      optimizeMainPackage: { enable: true },
      // Taro's default minifier writes every Chinese character as \uXXXX (6 bytes, not UTF-8's 3): the
      // mini-program's JavaScript is read as UTF-8, so keep the characters and nearly halve the words' weight.
      terser: { enable: true, config: { output: { ascii_only: false } } },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  return config;
});
