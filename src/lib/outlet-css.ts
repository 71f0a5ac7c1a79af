/** Each outlet's colour as a CSS custom property keyed on `data-outlet`, light and dark. */
export function outletStylesheet(outlets: { id: string; color: string }[]): string {
  const rule = (id: string, value: string) => `[data-outlet=${JSON.stringify(id)}] { --outlet-color: ${value}; }`;
  const light = outlets.map((o) => rule(o.id, o.color));
  // The content colours are picked for white paper; on the dark theme lift them towards white to keep AA contrast.
  const dark = outlets.map((o) => `  ${rule(o.id, `color-mix(in srgb, ${o.color} 55%, white)`)}`);
  return `${light.join('\n')}\n@media screen and (prefers-color-scheme: dark) {\n${dark.join('\n')}\n}\n`;
}
