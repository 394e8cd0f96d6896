export { type ControlServer, type ControlServerOptions, createControlServer, SERVER_VERSION } from "./app";
export { loadConfig, type ServerConfig } from "./config";
export { DatabaseTooNewError, openDatabase } from "./db/database";
