// Password verification is argon2id at 19 MiB and tens of milliseconds of CPU, on purpose. A
// flood of sign-ins would otherwise queue hundreds of them and starve every other request on
// the instance's cores; beyond the limit a sign-in is refused at once ("系统繁忙，请稍后再试")
// rather than queued. Per process: each instance protects its own CPU.
export type VerificationGate = {
  // A release function, or null when all slots are taken.
  tryEnter(): (() => void) | null;
};

export function createVerificationGate(max: number): VerificationGate {
  let running = 0;
  return {
    tryEnter() {
      if (running >= max) return null;
      running += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        running -= 1;
      };
    },
  };
}
