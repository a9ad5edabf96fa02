import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The local server serves this build at /admin/ (with an SPA fallback to index.html),
// so every asset URL and the client-side routes live under that prefix.
export default defineConfig(({ command }) => ({
  base: '/admin/',
  plugins: [react()],
  // A build is always the production build, even when started from inside jest (NODE_ENV=test,
  // the e2e tests' stale check): otherwise React and antd ship their development code, about
  // 60 KB more gzipped on the first load.
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  build: {
    outDir: '../dist/admin',
    emptyOutDir: true,
    // scripts/size-admin.mjs reads the manifest to add up what the first screen loads.
    manifest: true,
    // ECharts (about 550 KB, 185 KB gzipped) is one lazy chunk fetched by the dashboard's charts only.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // React in a chunk of its own so a change to a page does not invalidate it. antd is left to
        // the default splitting on purpose: the Tree, Table and TreeSelect the Units page needs then
        // load with that page, not with the login page.
        codeSplitting: {
          groups: [{ name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
  server: {
    // `npm run dev:admin` talks to a local server started with JINLIN_PORT=8790.
    proxy: { '/api': `http://127.0.0.1:${process.env.JINLIN_PORT ?? 8790}` },
  },
}));
