import { useShallow } from 'zustand/react/shallow';
import { defaultInitScheme, INIT_KINDS } from '../../config/schema';
import { useConfigStore } from '../../store/configStore';
import { t } from '../i18n/messages';
import { withSchemeParam, schemeParam } from './initEdits';
import { LogSlider } from './LogSlider';
import { NumberField } from './NumberField';
import { randomSeed, RANGES } from './ranges';
import { Section } from './Section';
import { SelectField } from './SelectField';
import { useSectionPatch } from './sectionPatch';
import { SeedField } from './SeedField';

const SCHEME_OPTIONS = INIT_KINDS.map((kind) => ({
  value: kind,
  label: t(`controls.initScheme.${kind}`),
}));

/** Kernel init scheme and its parameter, the global gain, bias init and the weight seed. */
export function InitSection() {
  const scheme = useConfigStore(useShallow((s) => s.config.init.scheme));
  const gain = useConfigStore((s) => s.config.init.gain);
  const biasInit = useConfigStore((s) => s.config.init.biasInit);
  const seed = useConfigStore((s) => s.config.init.seed);
  const patch = useSectionPatch('init');
  const param = schemeParam(scheme);

  return (
    <Section title={t('controls.section.init')}>
      <SelectField
        label={t('controls.initScheme')}
        value={scheme.kind}
        options={SCHEME_OPTIONS}
        onChange={(kind) => {
          if (kind !== scheme.kind) patch({ scheme: defaultInitScheme(kind) });
        }}
        help={t('controls.initHelpGain', { formula: t(`controls.initHelp.${scheme.kind}`) })}
      />
      {param !== null && (
        <NumberField
          label={t(`controls.schemeParam.${param.name}`)}
          value={param.value}
          range={param.range}
          step={0.01}
          onChange={(value) => patch({ scheme: withSchemeParam(scheme, value) })}
        />
      )}
      <LogSlider
        label={t('controls.initGain')}
        value={gain}
        range={RANGES.initGain}
        onChange={(value) => patch({ gain: value })}
      />
      <NumberField
        label={t('controls.biasInit')}
        value={biasInit}
        range={RANGES.biasInit}
        step={0.01}
        onChange={(value) => patch({ biasInit: value })}
      />
      <SeedField
        label={t('controls.seed')}
        value={seed}
        range={RANGES.initSeed}
        onChange={(value) => patch({ seed: value })}
        onNewSeed={() => patch({ seed: randomSeed() })}
      />
    </Section>
  );
}
