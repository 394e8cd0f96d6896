/** The protocol version terminals announce in their handshake. Bump on any incompatible change. */
export const PROTOCOL_VERSION = 1;

/** Versions this build of the server speaks. */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [1];
