import { ApplyPage } from "./apply/apply-page";
import { PageFrame } from "./components/page-frame";
import { LookupPage } from "./lookup/lookup-page";
import { ProgressPage } from "./progress/progress-page";
import { UploadPage } from "./upload/upload-page";
import { usePathRoute } from "./use-path-route";

/** The resident's pages, no sign-in: look up, progress (the receipt's QR code), phone upload (the kiosk's), apply. */
export function ResidentApp() {
  const route = usePathRoute();
  return (
    <PageFrame>
      {route.page === "apply" ? (
        <ApplyPage />
      ) : route.page === "upload" ? (
        <UploadPage key={route.token} token={route.token} />
      ) : route.page === "progress" ? (
        <ProgressPage key={route.typedCode} typedCode={route.typedCode} />
      ) : (
        <LookupPage />
      )}
    </PageFrame>
  );
}
