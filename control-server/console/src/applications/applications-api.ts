import {
  type ApplicationService,
  type ApplicationStatus,
  type ApplicationView,
  applicationServiceSchema,
  applicationViewSchema,
} from "@linli/protocol";
import { ApiError } from "../api/http";
import type { ResidentProposal } from "../api/types";

type Call = (path: string, method?: "GET" | "POST" | "PUT", body?: unknown) => Promise<unknown>;

const applicationListSchema = applicationViewSchema.array();
const serviceListSchema = applicationServiceSchema.array();

const notUnderstood = (what: string) =>
  new ApiError(200, "invalid_payload", `the server sent ${what} this console does not understand`);

/** A list answered bare (`[...]`) or wrapped (`{applications: [...]}`): both are read. */
function listIn(body: unknown, field: string): unknown {
  return Array.isArray(body) ? body : (body as Record<string, unknown> | null)?.[field];
}

function parseApplication(body: unknown): ApplicationView {
  const parsed = applicationViewSchema.safeParse(body);
  if (!parsed.success) throw notUnderstood("an application");
  return parsed.data;
}

const applicationPath = (receiptCode: string) => `/api/v1/applications/${encodeURIComponent(receiptCode)}`;

/** The staff calls for applications, the service catalogue and resident proposals, on the console's session. */
export function applicationCalls(call: Call, blob: (path: string) => Promise<Blob>) {
  return {
    async applications(): Promise<ApplicationView[]> {
      const parsed = applicationListSchema.safeParse(
        listIn(await call("/api/v1/applications"), "applications"),
      );
      if (!parsed.success) throw notUnderstood("an application list");
      return parsed.data;
    },
    async application(receiptCode: string): Promise<ApplicationView> {
      return parseApplication(await call(applicationPath(receiptCode)));
    },
    async setApplicationStatus(
      receiptCode: string,
      status: ApplicationStatus,
      note: string,
    ): Promise<ApplicationView> {
      return parseApplication(await call(`${applicationPath(receiptCode)}/status`, "POST", { status, note }));
    },
    /** 窗口代办: the server issues the receipt code. County-wide staff name the community. */
    async createApplication(input: {
      serviceCode: string;
      applicant: { idNumber: string; name: string; phone: string | null };
      answers: Record<string, boolean>;
      communityId?: string;
    }): Promise<ApplicationView> {
      return parseApplication(await call("/api/v1/applications", "POST", input));
    },
    /** A material file, fetched under the session (an <img src> could not carry the token). */
    applicationFile(receiptCode: string, fileId: string): Promise<Blob> {
      return blob(`${applicationPath(receiptCode)}/files/${encodeURIComponent(fileId)}`);
    },
    async applicationServices(): Promise<ApplicationService[]> {
      const parsed = serviceListSchema.safeParse(
        listIn(await call("/api/v1/application-services"), "services"),
      );
      if (!parsed.success) throw notUnderstood("a service catalogue");
      return parsed.data;
    },
    async saveApplicationService(service: ApplicationService): Promise<void> {
      await call(`/api/v1/application-services/${encodeURIComponent(service.code)}`, "PUT", service);
    },
    async residentProposals(): Promise<ResidentProposal[]> {
      const list = listIn(await call("/api/v1/residents/proposals"), "proposals");
      if (!Array.isArray(list)) throw notUnderstood("a list of residents to check");
      return list as ResidentProposal[];
    },
    async decideResidentProposal(proposalId: string, decision: "approve" | "reject"): Promise<void> {
      await call(`/api/v1/residents/proposals/${encodeURIComponent(proposalId)}/${decision}`, "POST");
    },
  };
}
