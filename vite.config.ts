import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The demo page (index.html → src/demo). The library itself is built by scripts/build.mjs,
// which uses no plugin or alias from here: partners bundle our sources with their own tools.
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', strictPort: false },
  preview: { host: '127.0.0.1' },
  build: { outDir: 'dist-demo' },
});
