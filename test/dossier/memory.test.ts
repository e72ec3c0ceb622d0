import { MemoryDossierStore } from '../../src/index.js';
import { scenarioSuite } from './scenario-suite.js';

scenarioSuite('the memory store', async () => new MemoryDossierStore());
