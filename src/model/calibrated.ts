// Written by `povsim calibrate scenarios/calibration/baseline-fit.yaml` (plan "baseline-fit", writeTable); re-run it to refit, do not edit by hand.
// Fit: objective 3.693 (sum of squared errors in tolerance units) after 70 evaluations (evaluation limit reached), 4 replicate(s) at scale 0.01, seed 1, around the scenario "baseline".

/**
 * The calibrated values: the defaults of the parameter table's rows tagged `calibrated`
 * (src/model/parameters.ts), fitted to the calibration targets (src/experiment/targets.ts).
 */
export const CALIBRATED = {
  incomeLogSd: 0.4882,
  assistanceRate: 0.2405,
  identificationRate: 0.395,
  chronicIllnessShare: 0.1659,
  noLaborIncomeFactor: 0.9274,
} as const;
