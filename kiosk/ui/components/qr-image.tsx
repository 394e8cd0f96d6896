import QRCode from "qrcode";
import { useEffect, useState } from "react";

/** A QR code drawn on the kiosk (no network); `label` says what scanning it opens. */
export function QrImage({ text, label, size = 360 }: { text: string; label: string; size?: number }) {
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    void QRCode.toDataURL(text, { width: size, margin: 2, errorCorrectionLevel: "M" }).then((url) => {
      if (active) setDataUrl(url);
    });
    return () => {
      active = false;
    };
  }, [text, size]);
  return (
    <div className="qr" style={{ width: size, height: size }}>
      {dataUrl && (
        <img src={dataUrl} alt={label} width={size} height={size} draggable={false} data-qr={text} />
      )}
    </div>
  );
}
