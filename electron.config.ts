/**
 * electron-vite builds the three bundles: main (Node, services included), preload (sandboxed,
 * so CommonJS with every dependency bundled in) and the renderer (React). Every script passes
 * `-c electron.config.ts`.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() packages: bundle zod and the contract into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      // J3490_RENDERER_OUT lets two people building at once on one checkout keep their own copy.
      outDir: process.env.J3490_RENDERER_OUT ?? resolve(__dirname, 'out/renderer'),
      minify: true,
      chunkSizeWarningLimit: 2048,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    plugins: [react()],
  },
});
