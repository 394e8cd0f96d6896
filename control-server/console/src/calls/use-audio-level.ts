import { useEffect, useState } from "react";
import { signalLevel } from "./signal-level";

const SAMPLE_MS = 100;

/** How loud `stream` is right now (0–1), measured ten times a second with Web Audio; 0 without a stream. */
export function useAudioLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    setLevel(0);
    if (!stream || stream.getAudioTracks().length === 0) return;
    let context: AudioContext;
    try {
      context = new AudioContext();
    } catch {
      return;
    }
    const source = context.createMediaStreamSource(stream);
    const analyser = new AnalyserNode(context, { fftSize: 1024 });
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      setLevel(signalLevel(samples));
    }, SAMPLE_MS);
    // Started from a click (answer, call), so the browser lets it run.
    void context.resume().catch(() => undefined);
    return () => {
      clearInterval(timer);
      source.disconnect();
      void context.close().catch(() => undefined);
    };
  }, [stream]);
  return level;
}
