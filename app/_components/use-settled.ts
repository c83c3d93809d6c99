"use client";

import { useEffect, useState } from "react";

// The value as it was after typing paused for `delayMs`, so the server is asked once per pause
// rather than once per keystroke. Compared by its JSON, so a new object with the same content
// does not restart the wait.
export function useSettled<T>(value: T, delayMs: number): T {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as T), delayMs);
    return () => clearTimeout(timer);
  }, [key, delayMs]);
  return settled;
}
