import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The web workspace: one small bundle in web/dist, served by `vnplan serve`; nothing is loaded from elsewhere. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
  },
});
