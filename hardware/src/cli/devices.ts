import { cameraCli } from "../camera/cli";
import { gateCli } from "../gate/cli";
import { idCardCli } from "../id-card/cli";
import { pendantCli } from "../pendant/cli";
import { printerCli } from "../printer/cli";
import type { DeviceCli } from "./device-cli";

/** Every device known to `npm run sim` and `npm run device-check`, in the order they are listed. */
export const deviceClis: readonly DeviceCli[] = [idCardCli, printerCli, pendantCli, gateCli, cameraCli];
