// The entry-point detectors, in reporting order. Adding a cause is adding a
// module and one line here.
import type { Detector } from '../entry-points.js';
import { addressStoredDetector } from './address-stored.js';
import { annotationDetector } from './annotation.js';
import { moduleInitDetector } from './module-init.js';
import { opsTableDetector } from './ops-table.js';
import { registrationDetector } from './registration.js';

export const detectors: readonly Detector[] = [
  moduleInitDetector,
  opsTableDetector,
  registrationDetector,
  addressStoredDetector,
  annotationDetector,
];
