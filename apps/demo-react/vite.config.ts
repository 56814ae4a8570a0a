import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The React demo on http://localhost:5174. Its "backend" is the demo merchant backend on :5173,
// reached through Vite's proxy, so the SPA calls its own origin (/api/…) as a production SPA calls
// its own API: no CORS, and the secret key stays in that backend's process.
// strictPort: the publishable key allows exactly this origin, so never drift to 5175.
export default defineConfig({
  plugins: [react()],
  server: {
    host: 'localhost',
    port: 5174,
    strictPort: true,
    proxy: { '/api': { target: 'http://localhost:5173' } },
  },
  preview: { host: 'localhost', port: 5174, strictPort: true },
});
