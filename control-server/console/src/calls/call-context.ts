import { createContext, useContext } from "react";
import type { Calls } from "./use-calls";

/** The console's calls, for the 呼叫 buttons on any page. */
export const CallsContext = createContext<Calls | null>(null);

export function useCallsContext(): Calls | null {
  return useContext(CallsContext);
}
