import { useEffect, useMemo, useState } from "react";
import { type ConsoleApi, createConsoleApi } from "./api/console-api";
import type { Community, Session } from "./api/types";
import { AuditPage } from "./audit/audit-page";
import { AdminOnly } from "./components/admin-only";
import { Layout } from "./components/layout";
import { type Route, useHashRoute } from "./components/use-hash-route";
import { EnrolPage } from "./enrol/enrol-page";
import { FleetPage } from "./fleet/fleet-page";
import { type Fleet, useFleet } from "./fleet/use-fleet";
import { useI18n } from "./i18n/i18n";
import { PasswordPage } from "./password/password-page";
import { StaffPage } from "./staff/staff-page";
import { TerminalPage } from "./terminal/terminal-page";

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
      <CurrentPage route={route} api={api} fleet={fleet} communities={communities} session={session} />
    </Layout>
  );
}

function CurrentPage(props: {
  route: Route;
  api: ConsoleApi;
  fleet: Fleet;
  communities: Community[];
  session: Session;
}) {
  const { t } = useI18n();
  const { route, api, fleet, communities, session } = props;
  const isAdmin = session.staff.role === "admin";
  switch (route.page) {
    case "enrol":
      return <EnrolPage api={api} communities={communities} staff={session.staff} />;
    case "terminal":
      return (
        <TerminalPage
          key={route.terminalId}
          terminalId={route.terminalId}
          api={api}
          fleet={fleet}
          communities={communities}
          canManage={isAdmin}
        />
      );
    case "staff":
      return isAdmin ? (
        <StaffPage api={api} communities={communities} />
      ) : (
        <AdminOnly title={t("staff.title")} />
      );
    case "audit":
      return isAdmin ? (
        <AuditPage api={api} fleet={fleet} communities={communities} />
      ) : (
        <AdminOnly title={t("audit.title")} />
      );
    case "password":
      return <PasswordPage api={api} />;
    default:
      return <FleetPage api={api} fleet={fleet} communities={communities} canManage={isAdmin} />;
  }
}
