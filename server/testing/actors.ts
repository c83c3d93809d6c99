import type { Actor } from "../domain/users";

// Test helpers for domain functions, which take the acting user as a plain value.

// The actor for a user row from the factories; the names do not matter to the rules.
export function actorOf(user: {
  id: number;
  role: Actor["role"];
  regionScope: string | null;
}): Actor {
  return {
    ...user,
    displayName: "测试",
    login: "t",
    regionScopeName: null,
    mustChangePassword: false,
  };
}

// A manager with no region scope, who sees the figures for the whole country.
export const nationwideManager: Actor = {
  id: 0,
  displayName: "统计",
  login: "stats",
  role: "manager",
  regionScope: null,
  regionScopeName: null,
  mustChangePassword: false,
};
