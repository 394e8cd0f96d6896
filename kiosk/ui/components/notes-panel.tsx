/** Calm, plain-language notes (saved records waiting, devices not working); nothing when all is well. */
export function NotesPanel({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <ul className="notes" aria-live="polite" data-testid="notes">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
