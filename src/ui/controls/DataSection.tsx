import { DATASET_KINDS, taskOf } from '../../config/schema';
import { trainSampleCount } from '../../config/validate';
import { useConfigStore } from '../../store/configStore';
import { t } from '../i18n/messages';
import { useEditingRecurrent } from './ModelSelect';
import { NumberField } from './NumberField';
import { randomSeed, RANGES } from './ranges';
import { Section } from './Section';
import { SeedField } from './SeedField';
import { SelectField } from './SelectField';
import { useSectionPatch } from './sectionPatch';

/**
 * Datasets under a Classification or Regression heading, in the schema's order; built at
 * render, so the labels are in the language shown.
 */
const datasetOptions = () =>
  DATASET_KINDS.map((kind) => ({
    value: kind,
    label: t(`controls.dataset.${kind}`),
    group: t(`controls.task.${taskOf(kind)}`),
  }));

/** Arrow-key step of the noise and test-fraction boxes. */
const FRACTION_STEP = 0.05;

/** Dataset, its size, noise, test split and seed, and the batch size drawn from it. */
export function DataSection() {
  const kind = useConfigStore((s) => s.config.data.kind);
  const samples = useConfigStore((s) => s.config.data.samples);
  const noise = useConfigStore((s) => s.config.data.noise);
  const testFraction = useConfigStore((s) => s.config.data.testFraction);
  const seed = useConfigStore((s) => s.config.data.seed);
  const batchSize = useConfigStore((s) => s.config.training.batchSize);
  const trainSamples = useConfigStore((s) => trainSampleCount(s.config.data));
  const patchData = useSectionPatch('data');
  // The adding problem (recurrent mode) has no dataset kind or noise.
  const recurrent = useEditingRecurrent();
  const patchTraining = useSectionPatch('training');
  // A batch never exceeds the training set (the validator would shrink it anyway).
  const batchRange = { ...RANGES.batchSize, max: Math.min(RANGES.batchSize.max, trainSamples) };

  return (
    <Section title={t('controls.section.data')}>
      {recurrent ? (
        <p className="field-help">{t('recurrent.control.dataNote')}</p>
      ) : (
        <SelectField
          label={t('controls.dataset')}
          value={kind}
          options={datasetOptions()}
          onChange={(value) => patchData({ kind: value })}
          help={t(`controls.taskHelp.${taskOf(kind)}`)}
        />
      )}
      <NumberField
        label={t('controls.samples')}
        value={samples}
        range={RANGES.samples}
        step={10}
        onChange={(value) => patchData({ samples: value })}
      />
      {recurrent ? null : (
        <NumberField
          label={t('controls.noise')}
          value={noise}
          range={RANGES.noise}
          step={FRACTION_STEP}
          onChange={(value) => patchData({ noise: value })}
        />
      )}
      <NumberField
        label={t('controls.testFraction')}
        value={testFraction}
        range={RANGES.testFraction}
        step={FRACTION_STEP}
        onChange={(value) => patchData({ testFraction: value })}
      />
      <SeedField
        label={t('controls.dataSeed')}
        value={seed}
        range={RANGES.dataSeed}
        onChange={(value) => patchData({ seed: value })}
        onNewSeed={() => patchData({ seed: randomSeed() })}
      />
      <NumberField
        label={t('controls.batchSize')}
        value={batchSize}
        range={batchRange}
        onChange={(value) => patchTraining({ batchSize: value })}
      />
    </Section>
  );
}
