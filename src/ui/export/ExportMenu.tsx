import { useState } from 'react';
import { t } from '../i18n/messages';

type ExportChoice = 'json' | 'csv';

const CHOICES: readonly ExportChoice[] = ['json', 'csv'];

/**
 * Downloads what is on screen: every run's record in the CLI's JSON or CSV format. The writers
 * load on first use, so the first-load chunk stays small.
 */
export function ExportMenu() {
  const [error, setError] = useState<string | null>(null);
  const run = async (choice: ExportChoice) => {
    setError(null);
    try {
      const { downloadRecords } = await import('./exportRecords');
      downloadRecords(choice);
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
          const choice = CHOICES.find((c) => c === e.target.value);
          if (choice) void run(choice);
        }}
      >
        <option value="">{t('export.menu')}</option>
        {CHOICES.map((c) => (
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
