/**
 * Message templates with {name} placeholders, filled with plain values. The page's i18n
 * (ui/i18n/messages.ts) and the config layer's English texts (repairs, initial weights) fill
 * their templates through this one function, each writing numbers its own way.
 */

export type TemplateParams = Readonly<Record<string, string | number>>;

/** `template` with each {name} it has a value for replaced by writeValue(value). */
export function fillTemplate(
  template: string,
  params: TemplateParams,
  writeValue: (value: string | number) => string,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? writeValue(params[name]!) : whole,
  );
}
