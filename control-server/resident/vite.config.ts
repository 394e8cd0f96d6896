import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** A control server to talk to while developing the pages with `vite` (its dev server proxies to it). */
const server = process.env.LINLI_SERVER ?? "http://127.0.0.1:8080";

/** The resident phone pages, served by the control server at /r/ (any path under it gets index.html). */
export default defineConfig({
  // Resolved from this file, so that a build started from any directory (a test, the root script) works.
  root: fileURLToPath(new URL("./src", import.meta.url)),
  base: "/r/",
  plugins: [react()],
  // Phones in the county run older browsers than the staff's desktops.
  build: { outDir: "../dist", emptyOutDir: true, target: ["chrome90", "safari14"] },
  server: { proxy: { "/api": server } },
});
