import { type ApplicationMaterial, MAX_MATERIAL_BYTES } from "@linli/protocol";
import { useEffect, useRef, useState } from "react";
import { localized, useVisit } from "../visit-context";

/** Widest photo kept: a page is readable at this size and stays well under the material size limit. */
const MAX_WIDTH = 1600;

/**
 * A photo of one material with the kiosk's camera (document camera or webcam). The photo goes to the
 * runtime, which keeps it with the application; the UI keeps only its name.
 */
export function CameraCapture(props: {
  receiptCode: string;
  material: ApplicationMaterial;
  onCaptured: (fileName: string) => void;
  onClose: () => void;
}) {
  const { t, locale, bridge } = useVisit();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<"starting" | "live" | "saving" | "failed">("starting");
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let active = true;
    if (!navigator.mediaDevices) {
      setState("failed");
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then((opened) => {
        stream = opened;
        if (!active || !video.current) return;
        video.current.srcObject = opened;
        setState("live");
      })
      .catch(() => {
        if (active) setState("failed");
      });
    return () => {
      active = false;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  const capture = async () => {
    const source = video.current;
    if (!source?.videoWidth) return;
    setState("saving");
    const scale = Math.min(1, MAX_WIDTH / source.videoWidth);
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(source.videoWidth * scale);
    canvas.height = Math.round(source.videoHeight * scale);
    canvas.getContext("2d")?.drawImage(source, 0, 0, canvas.width, canvas.height);
    const dataUrl = canvas.toDataURL("image/jpeg", 0.85);
    const dataBase64 = dataUrl.slice(dataUrl.indexOf(",") + 1);
    if ((dataBase64.length * 3) / 4 > MAX_MATERIAL_BYTES) {
      setProblem(t("camera.tooLarge"));
      setState("live");
      return;
    }
    const fileName = `${props.material.code}-${Date.now()}.jpg`;
    const answer = await bridge.call("application:capture", {
      receiptCode: props.receiptCode,
      materialCode: props.material.code,
      fileName,
      mimeType: "image/jpeg",
      dataBase64,
    });
    if (answer.ok) props.onCaptured(fileName);
    else {
      setProblem(t("camera.saveFailed"));
      setState("live");
    }
  };

  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="camera-title"
      data-testid="camera"
    >
      <div className="overlay-card camera-card">
        <h2 id="camera-title">{localized(locale, props.material.name, props.material.nameEn)}</h2>
        <p>{state === "failed" ? t("camera.failed") : t("camera.hint")}</p>
        <video
          ref={video}
          className="camera-view"
          autoPlay
          playsInline
          muted
          aria-label={t("camera.preview")}
        />
        {problem && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        <div className="actions">
          <button type="button" className="big" onClick={props.onClose}>
            {t("camera.cancel")}
          </button>
          <button
            type="button"
            className="big primary"
            disabled={state !== "live"}
            onClick={() => void capture()}
          >
            {state === "saving" ? t("camera.saving") : t("camera.shoot")}
          </button>
        </div>
      </div>
    </div>
  );
}
