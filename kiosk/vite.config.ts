import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The kiosk UI, served by the runtime in browser mode and loaded by the Electron window. */
export default defineConfig({
  // Resolved from this file, so that a build started from any directory (a test, the root script) works.
  root: fileURLToPath(new URL("./ui", import.meta.url)),
  base: "./",
  plugins: [react()],
  build: { outDir: "../dist/ui", emptyOutDir: true, target: "chrome120" },
});
