import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The staff console, served by the control server at /console/. */
export default defineConfig({
  root: "src",
  base: "/console/",
  plugins: [react()],
  build: { outDir: "../dist", emptyOutDir: true, target: "chrome120" },
});
