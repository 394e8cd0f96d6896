import type { PublicApplicationView } from "@linli/protocol";
import type { SubmittedApplication } from "../bridge/contract";

/** Where the resident is in a visit; each screen is one route. */
export type Route =
  | { name: "attract" }
  | { name: "home" }
  | { name: "type-id" }
  | { name: "services" }
  | { name: "apply"; serviceCode: string }
  | { name: "receipt"; application: SubmittedApplication }
  | { name: "lookup" }
  | { name: "progress"; views: PublicApplicationView[]; query: { receiptCode: string } | { mine: true } }
  | { name: "guides" }
  | { name: "notices" }
  | { name: "facilities" }
  | { name: "lifts" };

export type RouteName = Route["name"];
