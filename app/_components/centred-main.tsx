import type { ReactNode } from "react";

// The page frame of the screens outside the dashboard shell (sign-in, password change): one
// card in the middle of the window.
export function CentredMain({ children }: { children: ReactNode }) {
  return (
    <main
      style={{
        minHeight: "100vh",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        padding: 16,
      }}
    >
      {children}
    </main>
  );
}
