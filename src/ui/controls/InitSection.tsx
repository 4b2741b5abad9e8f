import { useShallow } from 'zustand/react/shallow';
import { useConfigStore } from '../../store/configStore';
import { t } from '../i18n/messages';
import { withSchemeParam, schemeParam } from './initEdits';
import { InitGainSlider } from './InitGainSlider';
import { InitSchemeSelect } from './InitSchemeSelect';
import { NumberField } from './NumberField';
import { randomSeed, RANGES } from './ranges';
import { Section } from './Section';
import { useSectionPatch } from './sectionPatch';
import { SeedField } from './SeedField';

/** Kernel init scheme and its parameter, the global gain, bias init and the weight seed. */
export function InitSection() {
  const scheme = useConfigStore(useShallow((s) => s.config.init.scheme));
  const biasInit = useConfigStore((s) => s.config.init.biasInit);
  const seed = useConfigStore((s) => s.config.init.seed);
  const patch = useSectionPatch('init');
  const param = schemeParam(scheme);

  return (
    <Section title={t('controls.section.init')}>
      <InitSchemeSelect />
      {param !== null && (
        <NumberField
          label={t(`controls.schemeParam.${param.name}`)}
          value={param.value}
          range={param.range}
          step={0.01}
          onChange={(value) => patch({ scheme: withSchemeParam(scheme, value) })}
        />
      )}
      <InitGainSlider />
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
