import { describe, expect, it } from "vitest";
import { speechChunks } from "./read-aloud";

describe("speechChunks", () => {
  it("keeps lines whole and every chunk within the engine's limit", () => {
    const lines = Array.from({ length: 40 }, (_, i) => `第 ${i + 1} 项材料：居民身份证原件及复印件各一份`);
    const chunks = speechChunks(lines.join("\n"), 100);
    expect(chunks.every((chunk) => chunk.length <= 100)).toBe(true);
    expect(chunks.join("\n")).toBe(lines.join("\n"));
  });

  it("cuts a line longer than the limit", () => {
    const chunks = speechChunks("请".repeat(250), 100);
    expect(chunks.map((chunk) => chunk.length)).toEqual([100, 100, 50]);
  });
});
