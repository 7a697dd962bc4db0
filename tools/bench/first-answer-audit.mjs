// A Lighthouse audit for the bench: when, in Lighthouse's own simulation of the mobile preset
// (Lantern, the model behind the simulated FCP, LCP and TTI), the full app's first screen starts
// answering what is typed: the first screen's own build downloaded and run. Lighthouse has no
// metric for "the inputs respond"; this reads the simulated time of that build's WASM and of the
// main-thread work that depends on it from the same simulation as Time to Interactive, and
// combines the optimistic and pessimistic estimates with TTI's weights.
import { Audit } from 'lighthouse';
import { LanternInteractive } from 'lighthouse/core/computed/metrics/lantern-interactive.js';

const FIRST_WASM = /funnel-first-[0-9a-f]+_bg\.wasm$/;
const OPTIMISTIC = 0.45;
const PESSIMISTIC = 0.55;

/** The simulated end of the first screen's WASM and of the main-thread tasks that wait on it. */
function answeredAt(estimate) {
  for (const [node, timing] of estimate.nodeTimings) {
    if (node.type !== 'network' || !FIRST_WASM.test(node.request.url)) continue;
    let end = timing.endTime;
    for (const dependent of node.getDependents()) {
      const after = estimate.nodeTimings.get(dependent);
      if (dependent.type === 'cpu' && after) end = Math.max(end, after.endTime);
    }
    return { downloaded: timing.endTime, ran: end };
  }
  return null;
}

export default class FirstAnswerAudit extends Audit {
  static get meta() {
    return {
      id: 'first-answer',
      title: 'The first screen answers typing (simulated)',
      description: 'The first screen\'s own build downloaded and run, in the simulation behind TTI.',
      scoreDisplayMode: Audit.SCORING_MODES.INFORMATIVE,
      supportedModes: ['navigation'],
      requiredArtifacts: ['Trace', 'DevtoolsLog', 'GatherContext', 'URL', 'SourceMaps'],
    };
  }

  static async audit(artifacts, context) {
    const data = {
      trace: artifacts.Trace,
      devtoolsLog: artifacts.DevtoolsLog,
      gatherContext: artifacts.GatherContext,
      settings: context.settings,
      URL: artifacts.URL,
      SourceMaps: artifacts.SourceMaps,
      simulator: null,
    };
    const result = await LanternInteractive.request(data, context);
    const optimistic = answeredAt(result.optimisticEstimate);
    const pessimistic = answeredAt(result.pessimisticEstimate);
    if (!optimistic || !pessimistic) {
      return { score: null, notApplicable: true };
    }
    const weigh = (key) => OPTIMISTIC * optimistic[key] + PESSIMISTIC * pessimistic[key];
    return {
      score: 1,
      numericValue: weigh('ran'),
      numericUnit: 'millisecond',
      displayValue: `${(weigh('ran') / 1000).toFixed(2)} s`,
      details: { type: 'debugdata', downloaded: weigh('downloaded'), optimistic, pessimistic },
    };
  }
}
