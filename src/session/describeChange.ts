import { clipSummary, type ExperimentConfig } from '../config/schema';

/**
 * A short label for a live settings change, drawn on the charts at the step it took effect,
 * e.g. "clip globalNorm 1 → 0.5". Values only; chart labels are not translated text.
 */
export function describeChange(prev: ExperimentConfig, next: ExperimentConfig): string {
  const parts: string[] = [];
  const clipText = clipSummary;
  if (JSON.stringify(prev.gradient.clip) !== JSON.stringify(next.gradient.clip)) {
    parts.push(`clip ${clipText(prev.gradient.clip)} → ${clipText(next.gradient.clip)}`);
  }
  if (prev.optimizer.learningRate !== next.optimizer.learningRate) {
    parts.push(`lr ${prev.optimizer.learningRate} → ${next.optimizer.learningRate}`);
  }
  if (prev.gradient.scale !== next.gradient.scale) {
    parts.push(`grad scale ${prev.gradient.scale} → ${next.gradient.scale}`);
  }
  if (prev.gradient.maxNorm !== next.gradient.maxNorm) {
    parts.push(`max-norm ${prev.gradient.maxNorm ?? 'off'} → ${next.gradient.maxNorm ?? 'off'}`);
  }
  if (prev.gradient.pruneBelow !== next.gradient.pruneBelow) {
    parts.push(`prune ${prev.gradient.pruneBelow} → ${next.gradient.pruneBelow}`);
  }
  if (JSON.stringify(prev.regularization) !== JSON.stringify(next.regularization)) {
    parts.push(
      `L1/L2 ${prev.regularization.l1}/${prev.regularization.l2} → ${next.regularization.l1}/${next.regularization.l2}`,
    );
  }
  if (parts.length === 0 && JSON.stringify(prev.optimizer) !== JSON.stringify(next.optimizer)) {
    parts.push('optimizer settings');
  }
  if (parts.length === 0) parts.push('settings');
  return parts.join(', ');
}
