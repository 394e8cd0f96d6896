import { useEffect, useMemo, useState } from "react";
import { AlarmBar } from "./alarms/alarm-bar";
import { openOldestFirst } from "./alarms/alarm-lists";
import { AlarmPage } from "./alarms/alarm-page";
import { AlarmsPage } from "./alarms/alarms-page";
import { useAlarmActions } from "./alarms/use-alarm-actions";
import { useAlarmSound } from "./alarms/use-alarm-sound";
import { type AlarmStore, useAlarms } from "./alarms/use-alarms";
import { type ConsoleApi, createConsoleApi } from "./api/console-api";
import type { Community, Session } from "./api/types";
import { ApplicationPage } from "./applications/application-page";
import { handlesApplications } from "./applications/application-roles";
import { ApplicationsPage } from "./applications/applications-page";
import { type ApplicationStore, useApplications } from "./applications/use-applications";
import { AuditPage } from "./audit/audit-page";
import { CallButton } from "./calls/call-button";
import { CallsContext } from "./calls/call-context";
import { CallDock } from "./calls/call-dock";
import { useCalls } from "./calls/use-calls";
import { CataloguePage } from "./catalogue/catalogue-page";
import { ChecksPage } from "./checks/checks-page";
import { type CheckTaskStore, useCheckTasks } from "./checks/use-check-tasks";
import { AdminOnly } from "./components/admin-only";
import { Layout } from "./components/layout";
import { alarmHref, type Route, useHashRoute } from "./components/use-hash-route";
import { DevicesPage } from "./devices/devices-page";
import { ElderEditPage } from "./elders/elder-edit-page";
import { EldersPage } from "./elders/elders-page";
import { EnrolPage } from "./enrol/enrol-page";
import { FleetPage } from "./fleet/fleet-page";
import { type Fleet, useFleet } from "./fleet/use-fleet";
import { useI18n } from "./i18n/i18n";
import { type LiveLink, useConsoleSocket } from "./live/use-console-socket";
import { KioskContentPage } from "./notices/kiosk-content-page";
import { NoticePage } from "./notices/notice-page";
import { NoticesPage } from "./notices/notices-page";
import { OfflineStrip } from "./offline/offline-strip";
import { useOfflineWarning } from "./offline/use-offline-warning";
import { PasswordPage } from "./password/password-page";
import { ProvidersPage } from "./providers/providers-page";
import { ProposalsPage } from "./residents/proposals-page";
import { ServiceAlerts } from "./services/service-alerts";
import { ServicePage } from "./services/service-page";
import { ServicesPage } from "./services/services-page";
import { type ServiceStore, useServiceRequests } from "./services/use-service-requests";
import { handlesAlarms } from "./session/permissions";
import { StaffPage } from "./staff/staff-page";
import { TerminalPage } from "./terminal/terminal-page";

/** The signed-in console: one API client, one live socket, the alarm bar and its sound, the pages. */
export function ConsoleShell(props: { session: Session; onSignedOut(): void; onExpired(): void }) {
  const { session, onExpired } = props;
  const api = useMemo(() => createConsoleApi(session.token, onExpired), [session.token, onExpired]);
  const [communities, setCommunities] = useState<Community[]>([]);
  // Asked first (effects run in order): the browser sends a few requests at a time, and every page names
  // communities; the alarm lists come next, then everything else.
  useEffect(() => {
    api.communities().then(setCommunities, () => undefined);
  }, [api]);
  const live = useConsoleSocket(session.token, onExpired);
  const fleet = useFleet(api, live);
  const alarms = useAlarms(api, live);
  const open = useMemo(() => openOldestFirst(alarms.alarms ?? []), [alarms.alarms]);
  const sound = useAlarmSound(open.length > 0);
  const barActions = useAlarmActions(api, alarms);
  const services = useServiceRequests(api, live);
  const waitingServices = services.requests?.filter((r) => r.status === "requested").length ?? 0;
  const checks = useCheckTasks(api, live);
  const openChecks = checks.tasks?.filter((task) => task.status === "open").length ?? 0;
  const applications = useApplications(api, live, handlesApplications(session.staff.role));
  const waitingApplications = applications.applications?.filter((a) => a.status === "submitted").length ?? 0;
  const offline = useOfflineWarning(fleet, session.staff.id);
  const calls = useCalls(live, { canCall: handlesAlarms(session.staff.role), terminals: fleet.terminals });
  const route = useHashRoute();

  const signOut = async () => {
    await api.signOut().catch(() => undefined);
    props.onSignedOut();
  };

  const ownCommunity = session.staff.communityId
    ? (communities.find((c) => c.id === session.staff.communityId)?.name ?? session.staff.communityId)
    : null;

  return (
    <CallsContext.Provider value={calls}>
      <Layout
        session={session}
        communityName={ownCommunity}
        route={route}
        live={live.status}
        counts={{
          alarms: open.length,
          services: waitingServices,
          checks: openChecks,
          applications: waitingApplications,
        }}
        alarmBar={
          <AlarmBar
            alarms={alarms.alarms}
            open={open}
            sound={sound}
            canAct={handlesAlarms(session.staff.role)}
            actions={barActions}
            // Whoever took the alarm needs the elder's profile and whom to call next: open it.
            onAcknowledged={(alarm) => {
              window.location.hash = alarmHref(alarm.id);
            }}
          />
        }
        notices={
          <>
            <OfflineStrip
              units={offline.units}
              communityName={(id) => communities.find((c) => c.id === id)?.name ?? id}
              announcement={offline.announcement}
              onAcknowledge={offline.acknowledge}
            />
            <ServiceAlerts
              alerts={services.alerts}
              latest={services.latestAlert}
              onDismiss={services.dismissAlert}
            />
          </>
        }
        calls={<CallDock calls={calls} />}
        onSignOut={signOut}
      >
        <CurrentPage
          route={route}
          api={api}
          fleet={fleet}
          alarms={alarms}
          live={live}
          services={services}
          checks={checks}
          applications={applications}
          communities={communities}
          session={session}
        />
      </Layout>
    </CallsContext.Provider>
  );
}

function CurrentPage(props: {
  route: Route;
  api: ConsoleApi;
  fleet: Fleet;
  alarms: AlarmStore;
  live: LiveLink;
  services: ServiceStore;
  checks: CheckTaskStore;
  applications: ApplicationStore;
  communities: Community[];
  session: Session;
}) {
  const { t } = useI18n();
  const { route, api, fleet, alarms, live, services, checks, applications, communities, session } = props;
  const isAdmin = session.staff.role === "admin";
  switch (route.page) {
    case "alarms":
      return <AlarmsPage api={api} store={alarms} staff={session.staff} />;
    case "alarm":
      return (
        <AlarmPage
          key={route.alarmId}
          alarmId={route.alarmId}
          api={api}
          store={alarms}
          staff={session.staff}
        />
      );
    case "services":
      return <ServicesPage api={api} store={services} staff={session.staff} />;
    case "service":
      return (
        <ServicePage
          key={route.requestId}
          requestId={route.requestId}
          api={api}
          store={services}
          staff={session.staff}
        />
      );
    case "checks":
      return (
        <ChecksPage
          api={api}
          store={checks}
          staff={session.staff}
          callButton={(terminalId, name) => (
            <CallButton
              terminalId={terminalId}
              terminalName={fleet.terminals?.find((x) => x.id === terminalId)?.name ?? name}
              name={name}
            />
          )}
        />
      );
    case "devices":
      return <DevicesPage api={api} live={live} communities={communities} staff={session.staff} />;
    case "providers":
      return <ProvidersPage api={api} communities={communities} staff={session.staff} />;
    case "elders":
      return <EldersPage api={api} fleet={fleet} communities={communities} staff={session.staff} />;
    case "elder":
      return (
        <ElderEditPage
          key={route.elderId}
          elderId={route.elderId}
          terminalId={null}
          api={api}
          fleet={fleet}
          communities={communities}
          staff={session.staff}
        />
      );
    case "elderNew":
      return (
        <ElderEditPage
          key={`new-${route.terminalId ?? ""}`}
          elderId={null}
          terminalId={route.terminalId}
          api={api}
          fleet={fleet}
          communities={communities}
          staff={session.staff}
        />
      );
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
    case "applications":
      return (
        <ApplicationsPage store={applications} api={api} communities={communities} staff={session.staff} />
      );
    case "application":
      return (
        <ApplicationPage
          key={route.receiptCode}
          receiptCode={route.receiptCode}
          api={api}
          store={applications}
        />
      );
    case "notices":
      return <NoticesPage api={api} live={live} communities={communities} staff={session.staff} />;
    case "kiosk-content":
      return <KioskContentPage api={api} communities={communities} staff={session.staff} />;
    case "notice":
      return (
        <NoticePage
          key={route.noticeId}
          noticeId={route.noticeId}
          api={api}
          live={live}
          communities={communities}
          staff={session.staff}
        />
      );
    case "catalogue":
      return <CataloguePage api={api} canEdit={isAdmin} />;
    case "residents":
      return <ProposalsPage api={api} />;
    case "password":
      return <PasswordPage api={api} />;
    default:
      return <FleetPage api={api} fleet={fleet} communities={communities} canManage={isAdmin} />;
  }
}
