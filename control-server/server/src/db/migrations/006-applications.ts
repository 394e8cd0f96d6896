import type { Migration } from "./index";

export const applications: Migration = {
  version: 6,
  name: "kiosk applications: the service catalogue, the population registry, applications and their materials",
  up(_db) {
    // Filled in by the applications work.
  },
};
