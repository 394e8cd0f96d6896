export * from "./alarms";
export * from "./common";
export * from "./console";
export * from "./envelope";
export * from "./terminal";
export * from "./version";
