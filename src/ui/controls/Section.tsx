import { useState, type ReactNode } from 'react';

export interface SectionProps {
  title: string;
  children: ReactNode;
  defaultOpen?: boolean;
}

/** A collapsible panel section: a native <details>, so it opens with Enter/Space on its title. */
export function Section({ title, children, defaultOpen = true }: SectionProps) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details
      className="controls-section"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{title}</summary>
      <div className="section-body">{children}</div>
    </details>
  );
}
