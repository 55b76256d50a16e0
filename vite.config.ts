import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The demo page (index.html → src/demo). The library itself is built by scripts/build.ts,
// which uses no plugin or alias from here: partners bundle our sources with their own tools.
export default defineConfig({
  // Relative asset URLs: the static build (`npm run build:demo`) works under any sub-path,
  // e.g. https://example.com/some/where/, not only at a domain root.
  base: './',
  plugins: [react()],
  server: { host: '127.0.0.1', strictPort: false },
  preview: { host: '127.0.0.1' },
  build: { outDir: 'dist-demo' },
});
