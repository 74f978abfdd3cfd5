import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The API runs on the C++ server; `npm run dev` proxies to it (LIJIAN_API, default :8080).
export default defineConfig({
  plugins: [vue()],
  server: { proxy: { '/api': (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.LIJIAN_API ?? 'http://127.0.0.1:8080' } },
  build: {
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // Split the bundle: the framework, the UI kit and the chart library load as their own
        // cacheable files; the charts only on the dashboard.
        manualChunks(id: string) {
          if (!id.includes('node_modules')) return undefined;
          if (id.includes('echarts') || id.includes('zrender')) return 'echarts';
          if (id.includes('element-plus') || id.includes('@element-plus')) return 'element-plus';
          return 'vendor';
        },
      },
    },
  },
});
