import { useState } from "react";

/**
 * The kiosk-content item being edited (null: a new one is being added) and the form's draft of it.
 * `startOver` after a save or a cancel empties the form for a new item.
 */
export function useContentDraft<Item, Draft>(fresh: () => Draft) {
  const [editing, setEditing] = useState<Item | null>(null);
  const [draft, setDraft] = useState<Draft>(fresh);
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const edit = (item: Item, itemDraft: Draft) => {
    setEditing(item);
    setDraft(itemDraft);
  };
  const startOver = () => {
    setEditing(null);
    setDraft(fresh());
  };
  return { editing, draft, set, edit, startOver };
}
