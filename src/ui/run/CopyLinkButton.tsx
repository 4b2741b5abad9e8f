import { useEffect, useState } from 'react';
import { currentLinkHash } from '../../store/linkSync';
import { t } from '../i18n/messages';

/** How long "Link copied" stays visible. */
const CONFIRMATION_MS = 2500;

/** Copies the canonical link of the current setup and confirms it (announced politely). */
export function CopyLinkButton() {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    const link = `${location.origin}${location.pathname}${currentLinkHash()}`;
    try {
      await navigator.clipboard.writeText(link);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  // The confirmation is a bubble below the button (out of the bar's flow), so it neither pushes
  // the bar's other controls aside nor covers them.
  return (
    <span className="copy-link">
      <button type="button" onClick={() => void copy()}>
        {t('run.copyLink')}
      </button>
      <span role="status" className="copy-status" data-testid="copy-status">
        {state === 'copied'
          ? t('run.linkCopied')
          : state === 'failed'
            ? t('run.linkCopyFailed')
            : ''}
      </span>
    </span>
  );
}
