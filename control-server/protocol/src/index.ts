export * from "./alarms";
export * from "./common";
export * from "./console";
export * from "./devices";
export * from "./envelope";
export * from "./services";
export * from "./terminal";
export * from "./version";
