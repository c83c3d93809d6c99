import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { CHROMIUM_PATH } from "./config";

// The end-to-end tests drive Debian's Chromium (a browser download cannot work offline). On a
// fresh Debian machine run as root we install it; elsewhere we stop and name the package.
const PACKAGES = ["chromium", "fonts-noto-cjk"];

function main() {
  if (existsSync(CHROMIUM_PATH)) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/etc/debian_version")) {
    console.log(
      `Chromium not found at ${CHROMIUM_PATH}: installing ${PACKAGES.join(" ")} with apt-get…`,
    );
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    const install = spawnSync("apt-get", ["install", "-y", "-qq", ...PACKAGES], {
      stdio: "inherit",
      env,
    });
    if (update.status === 0 && install.status === 0 && existsSync(CHROMIUM_PATH)) return;
  }
  console.error(
    `Chromium is required for the end-to-end tests but was not found at ${CHROMIUM_PATH}.\n` +
      `Install the Debian package "chromium" (and "fonts-noto-cjk" for Chinese text), e.g.\n` +
      `  sudo apt-get install -y ${PACKAGES.join(" ")}\n` +
      "or set CHROMIUM_PATH to an installed Chromium.",
  );
  process.exit(1);
}

main();
