import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The elder unit UI, served by the runtime in browser mode and loaded by the Electron window. */
export default defineConfig({
  root: "ui",
  base: "./",
  plugins: [react()],
  build: { outDir: "../dist/ui", emptyOutDir: true, target: "chrome120" },
});
