"use client";

import { Button, type ButtonProps } from "antd";
import { useRouter } from "next/navigation";
import type { MouseEvent } from "react";

// An antd Button that is a real link (<a href>, so it can be opened in a new tab) but navigates
// client-side on a plain click. Wrapping a <Button> in <Link> instead would nest a button inside
// a link, which screen readers announce badly and axe reports.
export function LinkButton({ href, ...props }: ButtonProps & { href: string }) {
  const router = useRouter();
  const navigate = (event: MouseEvent<HTMLElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    router.push(href);
  };
  return <Button {...props} href={href} onClick={navigate} />;
}
