import { type ApplicationAnswers, type ApplicationService, materialsNeeded } from "@linli/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import { ScreenTitle } from "../components/screen-title";
import { localized, useVisit } from "../visit-context";
import { ChecklistStep } from "./checklist-step";
import { QuestionStep } from "./question-step";
import { ReviewStep } from "./review-step";

type Step = { kind: "question"; index: number } | { kind: "checklist" } | { kind: "review" };

/** Files added for each material in this application, from the kiosk's camera or the resident's phone. */
export type ProvidedMaterials = Record<string, string[]>;

/**
 * One application: the service's yes/no questions, the checklist those answers decide, materials by
 * camera or phone, review, submit. Its receipt code is issued at the start, online or not.
 */
export function ApplyScreen({ serviceCode }: { serviceCode: string }) {
  const { t, locale, bridge, snapshot, back } = useVisit();
  const service = snapshot.content?.catalogue.find((entry) => entry.code === serviceCode) ?? null;
  const [receiptCode, setReceiptCode] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [step, setStep] = useState<Step>(() =>
    service && service.questions.length > 0 ? { kind: "question", index: 0 } : { kind: "checklist" },
  );
  const [answers, setAnswers] = useState<ApplicationAnswers>({});
  const [added, setAdded] = useState<ProvidedMaterials>({});
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void bridge.call("application:start", { serviceCode }).then((answer) => {
      if (answer.ok) setReceiptCode(answer.data.receiptCode);
      else setProblem(t("apply.startFailed"));
    });
  }, [bridge, serviceCode, t]);

  const addFile = useCallback(
    (materialCode: string, fileName: string) =>
      setAdded((current) => ({
        ...current,
        [materialCode]: [...(current[materialCode] ?? []), fileName],
      })),
    [],
  );

  useEffect(
    () =>
      bridge.on("upload:received", (upload) => {
        if (upload.receiptCode === receiptCode) addFile(upload.materialCode, upload.fileName);
      }),
    [bridge, receiptCode, addFile],
  );

  if (!service) {
    return (
      <main className="screen">
        <ScreenTitle>{t("apply.title")}</ScreenTitle>
        <p className="problem">{t("apply.unknownService")}</p>
      </main>
    );
  }
  const name = localized(locale, service.name, service.nameEn);
  if (problem || !receiptCode) {
    return (
      <main className="screen">
        <ScreenTitle>{name}</ScreenTitle>
        {problem ? (
          <p className="problem" role="alert">
            {problem}
          </p>
        ) : (
          <p className="quiet">{t("apply.starting")}</p>
        )}
      </main>
    );
  }

  // What the runtime knows arrived (it also hears of phone uploads this page may have missed) counts too.
  const draft = snapshot.drafts?.find((entry) => entry.receiptCode === receiptCode);
  const provided: ProvidedMaterials = { ...added };
  for (const code of draft?.provided ?? []) provided[code] ??= [code];
  const needed = materialsNeeded(service, answers);
  const lastQuestion = service.questions.length - 1;
  switch (step.kind) {
    case "question":
      return (
        <QuestionStep
          service={service}
          index={step.index}
          answer={answers[service.questions[step.index]!.code]}
          onAnswer={(value) => {
            setAnswers((current) => ({ ...current, [service.questions[step.index]!.code]: value }));
            setStep(
              step.index < lastQuestion ? { kind: "question", index: step.index + 1 } : { kind: "checklist" },
            );
          }}
          onBack={() => (step.index === 0 ? back() : setStep({ kind: "question", index: step.index - 1 }))}
        />
      );
    case "checklist":
      return (
        <ChecklistStep
          service={service}
          receiptCode={receiptCode}
          answers={answers}
          needed={needed}
          provided={provided}
          onCaptured={addFile}
          onBack={() => (lastQuestion >= 0 ? setStep({ kind: "question", index: lastQuestion }) : back())}
          onNext={() => setStep({ kind: "review" })}
        />
      );
    case "review":
      return (
        <ReviewStep
          service={service}
          receiptCode={receiptCode}
          answers={answers}
          needed={needed}
          provided={provided}
          onBack={() => setStep({ kind: "checklist" })}
        />
      );
  }
}

export type { ApplicationService };
