import { useState, type RefObject } from 'react';
import { t } from '../i18n/messages';

/**
 * A small button that saves the element `target` points at (a chart card) as a PNG at 2x. The
 * picture code loads on first use.
 */
export function PngButton(props: {
  target: RefObject<Element | null>;
  name: string;
  title: string;
}) {
  const { target, name, title } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const element = target.current;
    if (!element) return;
    setBusy(true);
    setError(null);
    try {
      const { downloadElementPng } = await import('./chartImage');
      await downloadElementPng(element, name);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {error && (
        <span role="alert" className="export-error" data-export-skip="">
          {t('export.failed', { reason: error })}
        </span>
      )}
      <button
        type="button"
        className="png-button"
        data-export-skip=""
        data-testid={`png-${name}`}
        aria-label={t('export.chartPng', { title })}
        title={t('export.chartPng', { title })}
        disabled={busy}
        onClick={() => void save()}
      >
        {t('export.pngButton')}
      </button>
    </>
  );
}
