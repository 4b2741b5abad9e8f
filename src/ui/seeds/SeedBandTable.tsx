import { runLook } from '../compare/runLook';
import { formatMeasured, shownLayerName } from '../charts/format';
import { t } from '../i18n/messages';
import type { RunBands } from './bandData';

/**
 * The seed bands as a table, the chart's text alternative: per layer (input first) and run,
 * the median and the band's ends.
 */
export function SeedBandTable(props: {
  runs: readonly RunBands[];
  names: readonly string[];
  label: string;
}) {
  const { runs, names, label } = props;
  const layers = Math.max(0, ...runs.map((r) => r.bands.length));
  return (
    <div
      className="chart-table seed-band-table"
      data-testid="seed-band-table"
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <table>
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t('access.tableLayer')}</th>
            {runs.map((run) =>
              (['median', 'low', 'high'] as const).map((what) => (
                <th scope="col" key={`${run.letter}-${what}`}>
                  {runs.length > 1
                    ? `${t('compare.runName', { run: runLook(run.letter).name })} `
                    : ''}
                  {t(`seeds.${what}`)}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: layers }, (_, i) => (
            <tr key={i}>
              <th scope="row">{shownLayerName(names[i] ?? '')}</th>
              {runs.map((run) =>
                (['median', 'low', 'high'] as const).map((what) => {
                  const band = run.bands[i];
                  return (
                    <td key={`${run.letter}-${what}`} data-run={run.letter} data-stat={what}>
                      {band ? formatMeasured(band[what]) : ''}
                    </td>
                  );
                }),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
