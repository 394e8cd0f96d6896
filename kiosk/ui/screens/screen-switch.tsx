import type { Route } from "../route";
import { ApplyScreen } from "./apply-screen";
import { AttractScreen } from "./attract-screen";
import { FacilitiesScreen } from "./facilities-screen";
import { GuidesScreen } from "./guides-screen";
import { HomeScreen } from "./home-screen";
import { LiftsScreen } from "./lifts-screen";
import { LookupScreen } from "./lookup-screen";
import { NoticesScreen } from "./notices-screen";
import { ProgressScreen } from "./progress-screen";
import { ReceiptScreen } from "./receipt-screen";
import { ServicesScreen } from "./services-screen";
import { TypeIdScreen } from "./type-id-screen";

/** The screen for a route. */
export function ScreenSwitch({ route }: { route: Route }) {
  switch (route.name) {
    case "attract":
      return <AttractScreen />;
    case "home":
      return <HomeScreen />;
    case "type-id":
      return <TypeIdScreen />;
    case "services":
      return <ServicesScreen />;
    case "apply":
      return <ApplyScreen serviceCode={route.serviceCode} />;
    case "receipt":
      return <ReceiptScreen application={route.application} />;
    case "lookup":
      return <LookupScreen />;
    case "progress":
      return <ProgressScreen views={route.views} query={route.query} />;
    case "guides":
      return <GuidesScreen />;
    case "notices":
      return <NoticesScreen />;
    case "facilities":
      return <FacilitiesScreen />;
    case "lifts":
      return <LiftsScreen />;
  }
}
