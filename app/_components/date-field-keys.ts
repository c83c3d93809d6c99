import type { KeyboardEvent } from "react";

// Enter in a date field confirms the typed date; it must not also submit the form around it.
export function confirmDateOnly(event: KeyboardEvent) {
  if (event.key === "Enter") event.preventDefault();
}
