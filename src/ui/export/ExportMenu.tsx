import { useState } from 'react';
import { useViewStore } from '../../store/viewStore';
import { t } from '../i18n/messages';

type ExportChoice = 'json' | 'csv' | 'png';

const CHOICES: readonly ExportChoice[] = ['json', 'csv', 'png'];

/**
 * Downloads what is on screen: every run's record in the CLI's JSON or CSV format, or the chart
 * panel it sits in as a PNG at 2x. The writers load on first use, so the first-load chunk stays
 * small.
 */
export function ExportMenu() {
  const [error, setError] = useState<string | null>(null);
  // The chart panel makes way for the regime map while the map is open.
  const chartsShown = useViewStore((s) => s.sweep === null);
  const choices = chartsShown ? CHOICES : CHOICES.filter((c) => c !== 'png');
  const run = async (choice: ExportChoice) => {
    setError(null);
    try {
      if (choice === 'png') {
        const panel = document.querySelector('.charts-panel');
        const { downloadElementPng } = await import('./chartImage');
        if (panel) await downloadElementPng(panel, 'charts');
      } else {
        const { downloadRecords } = await import('./exportRecords');
        downloadRecords(choice);
      }
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <span className="export-menu">
      <select
        aria-label={t('export.menuLabel')}
        data-testid="export-menu"
        value=""
        onChange={(e) => {
          const choice = choices.find((c) => c === e.target.value);
          if (choice) void run(choice);
        }}
      >
        <option value="">{t('export.menu')}</option>
        {choices.map((c) => (
          <option key={c} value={c}>
            {t(`export.${c}`)}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="export-error">
          {t('export.failed', { reason: error })}
        </span>
      )}
    </span>
  );
}
