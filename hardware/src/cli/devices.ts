import { cameraCli } from "../camera/cli";
import { idCardCli } from "../id-card/cli";
import { pendantCli } from "../pendant/cli";
import type { DeviceCli } from "./device-cli";

/** Every device known to `npm run sim` and `npm run device-check`, in the order they are listed. */
export const deviceClis: readonly DeviceCli[] = [idCardCli, pendantCli, cameraCli];
