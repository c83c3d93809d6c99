// Tag colours dark enough that white text on them passes WCAG AA contrast; antd's preset tints
// (success, gold, green …) put coloured text on a pale background that does not.
export const TAG_COLORS = {
  done: "#237804",
  warning: "#ad4e00",
  info: "#0958d9",
  alert: "#a8071a",
} as const;
