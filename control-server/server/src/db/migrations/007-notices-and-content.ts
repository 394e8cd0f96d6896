import type { Migration } from "./index";

export const noticesAndContent: Migration = {
  version: 7,
  name: "notices with their per-terminal receipts; guides, nearby facilities and lifts shown on kiosks",
  up(_db) {
    // Filled in by the notices work.
  },
};
