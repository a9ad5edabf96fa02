import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The local server serves this build at /admin/ (with an SPA fallback to index.html),
// so every asset URL and the client-side routes live under that prefix.
// A build is always the production build, even when started from inside jest (NODE_ENV=test, the
// e2e tests' stale check): otherwise React, antd and the JSX transform take their development
// paths, about 60 KB more gzipped on the first load. Vite reads NODE_ENV after loading this file.
if (process.argv.includes('build')) process.env.NODE_ENV = 'production';

export default defineConfig(() => ({
  base: '/admin/',
  plugins: [react()],
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
