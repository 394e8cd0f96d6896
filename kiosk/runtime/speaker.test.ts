import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EspeakSpeaker } from "./speaker";

const dir = mkdtempSync(join(tmpdir(), "linli-speech-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Seconds of audio in a 16-bit mono PCM WAV file, from its header. */
function wavSeconds(file: string): number {
  const wav = readFileSync(file);
  expect(wav.subarray(0, 4).toString()).toBe("RIFF");
  const byteRate = wav.readUInt32LE(28);
  return (wav.length - 44) / byteRate;
}

describe("espeak-ng speaker", () => {
  it("speaks a Mandarin sentence: the recording holds seconds of sound, longer for a longer sentence", async () => {
    const short = join(dir, "short.wav");
    const long = join(dir, "long.wav");
    await new EspeakSpeaker({ wavFile: short }).speak("好");
    await new EspeakSpeaker({ wavFile: long }).speak(
      "服务中心已收到您的呼叫，王芳已接听，救助人员马上就到。",
    );
    expect(wavSeconds(long)).toBeGreaterThan(2);
    expect(wavSeconds(long)).toBeGreaterThan(wavSeconds(short) * 3);
  });

  it("reports a missing speech engine instead of failing silently", async () => {
    await expect(new EspeakSpeaker({ command: "/nonexistent/espeak" }).speak("你好")).rejects.toThrow(
      /cannot speak/,
    );
  });
});
