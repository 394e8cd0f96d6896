/**
 * Bundles the Electron main and preload scripts of both builds to CommonJS for packaging
 * (`npm run build:electron`). Native modules stay external: electron-builder rebuilds them for Electron.
 */
import { builtinModules } from "node:module";
import { build } from "vite";

const external = [
  "electron",
  "better-sqlite3",
  "serialport",
  "node-hid",
  "@serialport/bindings-cpp",
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];

const entries = [
  { entry: "kiosk/main/main.ts", outDir: "kiosk/dist/main", fileName: "main" },
  { entry: "kiosk/preload/preload.ts", outDir: "kiosk/dist/preload", fileName: "preload" },
  { entry: "elder-terminal/main/main.ts", outDir: "elder-terminal/dist/main", fileName: "main" },
  { entry: "kiosk/preload/preload.ts", outDir: "elder-terminal/dist/preload", fileName: "preload" },
];

for (const { entry, outDir, fileName } of entries) {
  await build({
    configFile: false,
    logLevel: "warn",
    build: {
      outDir,
      emptyOutDir: true,
      target: "node20",
      minify: false,
      ssr: true,
      lib: { entry, formats: ["cjs"], fileName: () => `${fileName}.cjs` },
      rollupOptions: { external },
    },
  });
  process.stdout.write(`built ${outDir}/${fileName}.cjs\n`);
}
