import { useEffect, useMemo, useState } from "react";
import { createConsoleApi } from "./api/console-api";
import type { Community, Session } from "./api/types";
import { Layout } from "./components/layout";
import { useHashRoute } from "./components/use-hash-route";
import { EnrolPage } from "./enrol/enrol-page";
import { FleetPage } from "./fleet/fleet-page";
import { useFleet } from "./fleet/use-fleet";

/** The signed-in console: one API client, one live socket, the pages. */
export function ConsoleShell(props: { session: Session; onSignedOut(): void; onExpired(): void }) {
  const { session, onExpired } = props;
  const api = useMemo(() => createConsoleApi(session.token, onExpired), [session.token, onExpired]);
  const fleet = useFleet(api, session.token, onExpired);
  const route = useHashRoute();
  const [communities, setCommunities] = useState<Community[]>([]);

  useEffect(() => {
    api.communities().then(setCommunities, () => undefined);
  }, [api]);

  const signOut = async () => {
    await api.signOut().catch(() => undefined);
    props.onSignedOut();
  };

  const isAdmin = session.staff.role === "admin";
  const ownCommunity = session.staff.communityId
    ? (communities.find((c) => c.id === session.staff.communityId)?.name ?? session.staff.communityId)
    : null;

  return (
    <Layout
      session={session}
      communityName={ownCommunity}
      route={route}
      live={fleet.live}
      onSignOut={signOut}
    >
      {route === "enrol" ? (
        <EnrolPage api={api} communities={communities} staff={session.staff} />
      ) : (
        <FleetPage api={api} fleet={fleet} communities={communities} canManage={isAdmin} />
      )}
    </Layout>
  );
}
