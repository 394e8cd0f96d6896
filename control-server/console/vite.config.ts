import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** A control server to talk to while developing the console with `vite` (its dev server proxies to it). */
const server = process.env.LINLI_SERVER ?? "http://127.0.0.1:8080";

/** The staff console, served by the control server at /console/. */
export default defineConfig({
  // Resolved from this file, so that a build started from any directory (a test, the root script) works.
  root: fileURLToPath(new URL("./src", import.meta.url)),
  base: "/console/",
  plugins: [react()],
  build: { outDir: "../dist", emptyOutDir: true, target: "chrome120" },
  server: {
    proxy: {
      "/api": server,
      "/socket.io": { target: server, ws: true },
    },
  },
});
