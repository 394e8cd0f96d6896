import { useCallback, useEffect, useState } from "react";
import type { ConsoleApi } from "../api/console-api";
import type { ResidentProposal } from "../api/types";
import { ConfirmDialog, type ConfirmRequest } from "../components/confirm-dialog";
import { PageTitle } from "../components/page-title";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/i18n";

/** 人口核对: card holders the registry did not know; staff approve a record or reject it. ID numbers come masked. */
export function ProposalsPage({ api }: { api: ConsoleApi }) {
  const { t, locale } = useI18n();
  const [proposals, setProposals] = useState<ResidentProposal[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const load = useCallback(() => {
    api.residentProposals().then(
      (list) => {
        setProposals(list.filter((proposal) => proposal.status === "pending"));
        setError(null);
      },
      (failure: unknown) => setError((failure as Error).message),
    );
  }, [api]);
  useEffect(load, [load]);

  const decide = async (proposal: ResidentProposal, decision: "approve" | "reject") => {
    setBusy(proposal.id);
    try {
      await api.decideResidentProposal(proposal.id, decision);
      setMessage({
        text: t(decision === "approve" ? "residents.approved" : "residents.rejected", {
          name: proposal.name,
        }),
        error: false,
      });
      setProposals((held) => held?.filter((p) => p.id !== proposal.id) ?? null);
    } catch (failure) {
      setMessage({ text: t("residents.failed", { message: (failure as Error).message }), error: true });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageTitle>{t("residents.title")}</PageTitle>
      <p className="page-intro">{t("residents.intro")}</p>
      <div className="messages" aria-live="polite">
        {message && (
          <p className={message.error ? "message message-error" : "message message-ok"}>{message.text}</p>
        )}
      </div>
      {error && (
        <p className="message message-error" role="alert">
          {t("residents.loadFailed", { message: error })}
        </p>
      )}
      {!proposals && !error && <p className="muted">{t("residents.loading")}</p>}
      {proposals && proposals.length === 0 && <p className="empty">{t("residents.empty")}</p>}
      {proposals && proposals.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="proposals-table">
            <caption className="visually-hidden">
              {t("residents.caption", { count: proposals.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("residents.name")}</th>
                <th scope="col">{t("residents.idNumber")}</th>
                <th scope="col">{t("residents.source")}</th>
                <th scope="col">{t("residents.where")}</th>
                <th scope="col">{t("residents.proposedAt")}</th>
                <th scope="col">{t("residents.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {proposals.map((proposal) => (
                <tr key={proposal.id} data-proposal-id={proposal.id}>
                  <th scope="row">{proposal.name}</th>
                  <td className="nowrap">{proposal.idMasked}</td>
                  <td>{t(`residents.source.${proposal.source}`)}</td>
                  <td>
                    {proposal.terminal?.name ?? "—"}
                    <span className="cell-sub">{proposal.community.name}</span>
                  </td>
                  <td className="nowrap">{formatDateTime(proposal.proposedAt, locale)}</td>
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        className="button button-small button-primary"
                        disabled={busy === proposal.id}
                        onClick={() => decide(proposal, "approve")}
                      >
                        {t("residents.approve")}
                        <span className="visually-hidden"> · {proposal.name}</span>
                      </button>
                      <button
                        type="button"
                        className="button button-small button-danger-outline"
                        disabled={busy === proposal.id}
                        // A rejected card holder stays unknown to the registry: asked once more.
                        onClick={() =>
                          setConfirm({
                            title: t("residents.rejectTitle", { name: proposal.name }),
                            body: t("residents.rejectBody"),
                            confirmLabel: t("residents.reject"),
                            danger: true,
                            onConfirm: () => void decide(proposal, "reject"),
                          })
                        }
                      >
                        {t("residents.reject")}
                        <span className="visually-hidden"> · {proposal.name}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </>
  );
}
