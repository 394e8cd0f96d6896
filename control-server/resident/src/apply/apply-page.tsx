import type {
  ApplicationAnswers,
  ApplicationService,
  PhoneApplicationCreated,
  PublicServices,
} from "@linli/protocol";
import { useEffect, useState } from "react";
import { LoadProblem } from "../components/load-problem";
import { useI18n } from "../i18n/i18n";
import { BASE, navigate } from "../use-path-route";
import type { ApplicantForm } from "./applicant-check";
import { ApplicantStep } from "./applicant-step";
import { fetchServices, submitApplication } from "./apply-api";
import { ChecklistStep } from "./checklist-step";
import { DoneStep } from "./done-step";
import { QuestionsStep } from "./questions-step";
import { ServiceStep } from "./service-step";
import { StepFrame } from "./step-frame";
import { VerifyStep } from "./verify-step";
import "./apply.css";

type Step = "service" | "questions" | "checklist" | "applicant" | "verify";

type Load =
  | { state: "loading" }
  | { state: "failed"; error: unknown }
  | { state: "loaded"; catalogue: PublicServices };

const TITLES: Record<Step, Parameters<ReturnType<typeof useI18n>["t"]>[0]> = {
  service: "apply.chooseService",
  questions: "apply.questionsTitle",
  checklist: "apply.checklistTitle",
  applicant: "apply.detailsTitle",
  verify: "apply.verifyTitle",
};

/**
 * /r/apply: a resident applies from the phone, one step per screen — the service, its questions, the
 * checklist, who they are, the text-message code — and gets the receipt code. Nothing reaches the
 * server before the code; without an SMS gateway the page sends residents to the kiosk.
 */
export function ApplyPage() {
  const { t } = useI18n();
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  const [unavailable, setUnavailable] = useState(false);
  const [step, setStep] = useState<Step>("service");
  const [service, setService] = useState<ApplicationService | null>(null);
  const [answers, setAnswers] = useState<ApplicationAnswers>({});
  const [form, setForm] = useState<ApplicantForm>({ communityId: "", name: "", idNumber: "", phone: "" });
  const [applicant, setApplicant] = useState<ApplicantForm | null>(null);
  const [created, setCreated] = useState<PhoneApplicationCreated | null>(null);

  useEffect(() => {
    let current = true;
    void attempt;
    fetchServices().then(
      (catalogue) => {
        if (!current) return;
        setLoad({ state: "loaded", catalogue });
        setUnavailable(!catalogue.phoneApplications);
        // One community: nothing to choose.
        if (catalogue.communities.length === 1)
          setForm((previous) => ({ ...previous, communityId: catalogue.communities[0]!.id }));
      },
      (error: unknown) => current && setLoad({ state: "failed", error }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  if (load.state === "loading") {
    return (
      <p className="loading" role="status">
        {t("load.loading")}
      </p>
    );
  }
  if (load.state === "failed") {
    return (
      <>
        <h1>{t("apply.title")}</h1>
        <LoadProblem error={load.error} onRetry={() => setAttempt((n) => n + 1)} />
      </>
    );
  }
  if (unavailable) {
    return (
      <StepFrame step={null} total={0} title={t("apply.title")} onBack={() => navigate(BASE)}>
        <div className="problem" role="alert" data-testid="apply-unavailable">
          <p>{t("apply.unavailable")}</p>
        </div>
      </StepFrame>
    );
  }
  if (created) {
    return (
      <StepFrame step={null} total={0} title={t("apply.doneTitle")} onBack={null}>
        <DoneStep created={created} />
      </StepFrame>
    );
  }

  const steps: Step[] = [
    "service",
    // Counted until a service without questions is chosen, so that the total does not grow on the way.
    ...(!service || service.questions.length > 0 ? (["questions"] as const) : []),
    "checklist",
    "applicant",
    "verify",
  ];
  const index = steps.indexOf(step);
  const next = () => setStep(steps[index + 1]!);
  const back = () => (index === 0 ? navigate(BASE) : setStep(steps[index - 1]!));

  return (
    <StepFrame key={step} step={index + 1} total={steps.length} title={t(TITLES[step])} onBack={back}>
      {step === "service" && (
        <ServiceStep
          services={load.catalogue.services}
          onChoose={(chosen) => {
            if (chosen.code !== service?.code) setAnswers({});
            setService(chosen);
            setStep(chosen.questions.length > 0 ? "questions" : "checklist");
          }}
        />
      )}
      {step === "questions" && service && (
        <QuestionsStep service={service} answers={answers} onAnswer={setAnswers} onNext={next} />
      )}
      {step === "checklist" && service && <ChecklistStep service={service} answers={answers} onNext={next} />}
      {step === "applicant" && (
        <ApplicantStep
          communities={load.catalogue.communities}
          form={form}
          onChange={setForm}
          onNext={(cleaned) => {
            setApplicant(cleaned);
            next();
          }}
        />
      )}
      {step === "verify" && service && applicant && (
        <VerifyStep
          phone={applicant.phone}
          onUnavailable={() => setUnavailable(true)}
          onSubmit={async (code) => {
            const answer = await submitApplication({
              communityId: applicant.communityId,
              serviceCode: service.code,
              answers,
              applicant: { idNumber: applicant.idNumber, name: applicant.name, phone: applicant.phone },
              code,
            });
            setCreated(answer);
            return answer;
          }}
        />
      )}
    </StepFrame>
  );
}
